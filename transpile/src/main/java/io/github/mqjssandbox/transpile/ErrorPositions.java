package io.github.mqjssandbox.transpile;

import io.github.mqjssandbox.JsException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a {@link JsException} of transpiled code back to the source as written: every stack frame
 * in a transpiled script, and the error's position, which is that of the innermost frame that
 * lands in a source (frames in the compiler's runtime helpers are passed over).
 */
final class ErrorPositions {
    /** A frame of the engine's stacks: "    at file:line:col" or "    at function (file:line:col)". */
    private static final Pattern FRAME = Pattern.compile("^(\\s*at (?:[^(]* \\()?)(.*):(\\d+):(\\d+)(\\)?\\s*)$");

    private ErrorPositions() {}

    /** Maps {@code error} of the script evaluated as {@code fileName}; {@code scripts} finds the transpiled script of a file name, or null. */
    static TranspiledScriptException map(JsException error, String fileName, Function<String, TranspiledScript> scripts) {
        StringBuilder stack = new StringBuilder();
        SourcePosition innermost = null;
        for (String frame : error.jsStack().split("\n", -1)) {
            Matcher m = FRAME.matcher(frame);
            TranspiledScript script = m.matches() ? scripts.apply(m.group(2)) : null;
            if (script == null) {
                stack.append(frame);
            } else {
                Optional<SourcePosition> at = script.originalPosition(parse(m.group(3)), parse(m.group(4)));
                stack.append(m.group(1)).append(m.group(2));
                if (at.isPresent()) {
                    stack.append(':').append(at.get().line()).append(':').append(at.get().column());
                    if (innermost == null) {
                        innermost = at.get();
                    }
                } else {
                    stack.append(", transpiler runtime");
                }
                stack.append(m.group(5));
            }
            stack.append('\n');
        }
        stack.setLength(stack.length() - 1); // the split kept what followed the last newline
        if (innermost == null) {
            innermost = reportedPosition(error, scripts.apply(fileName)).orElse(null);
        }
        return new TranspiledScriptException(error,
                innermost == null ? 0 : innermost.line(), innermost == null ? 0 : innermost.column(), stack.toString());
    }

    /** The library's own position (for errors with no frame), mapped through the evaluated script. */
    private static Optional<SourcePosition> reportedPosition(JsException error, TranspiledScript script) {
        if (script == null || error.line().isEmpty() || error.column().isEmpty()) {
            return Optional.empty();
        }
        return script.originalPosition(error.line().getAsInt(), error.column().getAsInt());
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException tooLong) {
            return 0;
        }
    }
}
