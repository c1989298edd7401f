package io.github.mqjssandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a JS error as the engine reported them; line and column are 0 when unknown. */
record JsErrorDetails(String name, String message, int line, int column, String stack) {

    /** A stack frame's position: "...:line:col" or "...:line:col)" at the end of the line. */
    private static final Pattern POSITION = Pattern.compile(":(\\d+):(\\d+)\\)?\\s*$");

    /**
     * Builds the details from the engine's error slots. The position is the innermost stack
     * frame that has one: native frames ("(native)") have none.
     */
    static JsErrorDetails of(String name, String message, String stack) {
        String safeStack = stack == null ? "" : stack;
        int line = 0;
        int column = 0;
        for (String frame : safeStack.split("\n")) {
            Matcher m = POSITION.matcher(frame);
            if (m.find()) {
                line = parsePositive(m.group(1));
                column = parsePositive(m.group(2));
                break;
            }
        }
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
