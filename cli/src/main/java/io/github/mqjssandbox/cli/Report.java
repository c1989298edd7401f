package io.github.mqjssandbox.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mqjssandbox.ErrorKind;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.SandboxException;
import io.github.mqjssandbox.internal.JsonTrees;
import io.github.mqjssandbox.transpile.TranspileException;
import io.github.mqjssandbox.transpile.TranspiledScriptException;

/** The one JSON object that {@code --json} prints, as the CLI contract defines it. */
final class Report {
    private Report() {}

    static String success(EvalResult result, Timings timings) {
        ObjectNode json = JsonTrees.nodes().objectNode();
        json.put("ok", true);
        json.set("value", result.value());
        json.put("display", result.display());
        json.put("output", result.output());
        if (result.fuelUsed().isPresent()) {
            json.put("fuelUsed", result.fuelUsed().getAsLong());
        }
        timings.writeTo(json);
        return write(json);
    }

    static String failure(SandboxException error) {
        ObjectNode json = JsonTrees.nodes().objectNode();
        json.put("ok", false);
        ObjectNode detail = json.putObject("error");
        detail.put("kind", error.kind().label());
        if (error instanceof JsException) {
            JsException js = (JsException) error;
            detail.put("name", js.name());
            detail.put("message", js.jsMessage());
            putPosition(detail, "line", js.line().isPresent() ? js.line().getAsInt() : null);
            putPosition(detail, "column", js.column().isPresent() ? js.column().getAsInt() : null);
            if (!js.jsStack().isEmpty()) {
                detail.put("stack", js.jsStack());
            }
        } else {
            detail.putNull("name");
            detail.put("message", error.getMessage());
            detail.putNull("line");
            detail.putNull("column");
        }
        json.put("output", error.output());
        if (error.fuelUsed().isPresent()) {
            json.put("fuelUsed", error.fuelUsed().getAsLong());
        }
        return write(json);
    }

    /** A JS error of a transpiled script: as {@link #failure(SandboxException)}, positions as written. */
    static String failure(TranspiledScriptException error) {
        ObjectNode json = JsonTrees.nodes().objectNode();
        json.put("ok", false);
        ObjectNode detail = json.putObject("error");
        detail.put("kind", error.kind().label());
        detail.put("name", error.name());
        detail.put("message", error.jsMessage());
        putPosition(detail, "line", error.line().isPresent() ? error.line().getAsInt() : null);
        putPosition(detail, "column", error.column().isPresent() ? error.column().getAsInt() : null);
        if (!error.jsStack().isEmpty()) {
            detail.put("stack", error.jsStack());
        }
        json.put("output", error.output());
        if (error.jsException().fuelUsed().isPresent()) {
            json.put("fuelUsed", error.jsException().fuelUsed().getAsLong());
        }
        return write(json);
    }

    /** A source that did not transpile: nothing ran, so there is no output. */
    static String failure(TranspileException error) {
        ObjectNode json = JsonTrees.nodes().objectNode();
        json.put("ok", false);
        ObjectNode detail = json.putObject("error");
        detail.put("kind", kindOf(error).label());
        if (error.problem().isSyntaxError()) {
            detail.put("name", "SyntaxError");
        } else {
            detail.putNull("name");
        }
        detail.put("message", error.reason());
        putPosition(detail, "line", error.line().isPresent() ? error.line().getAsInt() : null);
        putPosition(detail, "column", error.column().isPresent() ? error.column().getAsInt() : null);
        json.put("output", "");
        return write(json);
    }

    /** The contract's kind of a transpile failure: syntax, timeout (the compile's deadline) or internal. */
    static ErrorKind kindOf(TranspileException error) {
        if (error.problem().isSyntaxError()) {
            return ErrorKind.SYNTAX;
        }
        return error.problem() == TranspileException.Problem.TIMEOUT ? ErrorKind.TIMEOUT : ErrorKind.INTERNAL;
    }

    private static void putPosition(ObjectNode node, String field, Integer value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
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
