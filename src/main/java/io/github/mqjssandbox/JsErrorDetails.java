package io.github.mqjssandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a JS error as the engine reported them; line and column are 0 when unknown. */
record JsErrorDetails(String name, String message, int line, int column, String stack) {

    /** A stack frame: "    at file:line:col" or "    at function (file:line:col)". */
    private static final Pattern FRAME = Pattern.compile("^\\s*at (?:[^(]* \\()?(.*):(\\d+):(\\d+)\\)?\\s*$");

    /**
     * Builds the details from the engine's error slots. The position is that of the innermost
     * stack frame in {@code fileName} (the evaluated source), else of the innermost frame that
     * has one: native frames have none, and JSON.parse reports a position in its input.
     */
    static JsErrorDetails of(String name, String message, String stack, String fileName) {
        String safeStack = stack == null ? "" : stack;
        int[] position = null;
        for (String frame : safeStack.split("\n")) {
            Matcher m = FRAME.matcher(frame);
            if (!m.matches()) {
                continue;
            }
            int[] here = {parsePositive(m.group(2)), parsePositive(m.group(3))};
            if (m.group(1).equals(fileName)) {
                position = here;
                break;
            }
            if (position == null) {
                position = here;
            }
        }
        int line = position == null ? 0 : position[0];
        int column = position == null ? 0 : position[1];
        return new JsErrorDetails(name, message == null ? "" : message, line, column, safeStack);
    }

    private static int parsePositive(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException tooLong) {
            return 0;
        }
    }

    /** "TypeError: message (line 3, column 7)", the Java exception message. */
    String describe() {
        StringBuilder text = new StringBuilder();
        if (name != null) {
            text.append(name).append(": ");
        } else {
            text.append("uncaught ");
        }
        text.append(message);
        if (line > 0) {
            text.append(" (line ").append(line).append(", column ").append(column).append(')');
        }
        return text.toString();
    }
}
