package io.github.mqjssandbox.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mqjssandbox.ErrorKind;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.OutcomeJson;
import io.github.mqjssandbox.SandboxException;
import io.github.mqjssandbox.internal.JsonTrees;
import io.github.mqjssandbox.transpile.TranspileException;
import io.github.mqjssandbox.transpile.TranspiledScriptException;
import java.util.OptionalLong;

/** The one JSON object that {@code --json} prints, as the CLI contract defines it. */
final class Report {
    private Report() {}

    static String success(EvalResult result, Timings timings) {
        ObjectNode json = OutcomeJson.of(result);
        timings.writeTo(json);
        return write(json);
    }

    static String failure(SandboxException error) {
        return write(OutcomeJson.of(error));
    }

    /** A JS error of a transpiled script: as {@link #failure(SandboxException)}, positions as written. */
    static String failure(TranspiledScriptException error) {
        return write(OutcomeJson.failure(error.kind(), error.name(), error.jsMessage(), error.line(), error.column(),
                error.jsStack(), error.output(), error.jsException().fuelUsed()));
    }

    /** A source that did not transpile: nothing ran, so there is no output. */
    static String failure(TranspileException error) {
        return write(OutcomeJson.failure(kindOf(error), error.problem().isSyntaxError() ? "SyntaxError" : null,
                error.reason(), error.line(), error.column(), "", "", OptionalLong.empty()));
    }

    /** The contract's kind of a transpile failure: syntax, timeout (the compile's deadline) or internal. */
    static ErrorKind kindOf(TranspileException error) {
        if (error.problem().isSyntaxError()) {
            return ErrorKind.SYNTAX;
        }
        return error.problem() == TranspileException.Problem.TIMEOUT ? ErrorKind.TIMEOUT : ErrorKind.INTERNAL;
    }

    private static String write(ObjectNode json) {
        try {
            return escapeLoneSurrogates(JsonTrees.toText(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JS string may hold a lone surrogate, which no UTF-8 stream can carry (it would print as
     * '?'); in JSON text it can only be inside a string, where a backslash-u escape keeps it.
     */
    static String escapeLoneSurrogates(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (sb != null) {
                    sb.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
