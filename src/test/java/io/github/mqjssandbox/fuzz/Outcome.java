package io.github.mqjssandbox.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one run of a program showed, on either side, in the terms both can report: the kind
 * of ending, the value (as canonical JSON text), its display, the error's name, message and
 * stack, and the output.
 */
public record Outcome(Kind kind, String value, String display, String errorName, String errorMessage,
        String errorStack, String output, String detail) {

    public enum Kind {
        OK,
        SYNTAX,
        RUNTIME,
        /** The engine's heap (or its JS stack in the heap) ran out: differs by word size. */
        MEMORY,
        TIMEOUT,
        OUTPUT_LIMIT,
        /** The sandbox answered {@code internal}: always a sandbox bug. */
        INTERNAL,
        /** The native reference died or printed no report: an engine bug on the native side. */
        CRASH,
        /** An uncatchable error that is none of the above. */
        UNCATCHABLE,
    }

    static Outcome of(Kind kind, String detail) {
        return new Outcome(kind, null, null, null, null, null, null, detail);
    }

    /** Memory, time and output limits are met at different points by a 32- and a 64-bit engine. */
    public boolean comparable() {
        return kind != Kind.MEMORY && kind != Kind.TIMEOUT && kind != Kind.OUTPUT_LIMIT;
    }

    /**
     * The engine's own out-of-memory errors: at run time "out of memory", in the parser "not
     * enough memory" or "stack overflow" (its explicit stack lives in the heap).
     */
    static boolean isMemoryMessage(String errorName, String message) {
        if (message == null) {
            return false;
        }
        boolean engineError = "InternalError".equals(errorName) || "SyntaxError".equals(errorName);
        return engineError && (message.equals("out of memory") || message.equals("not enough memory")
                || message.startsWith("stack overflow"));
    }

    /** The fields that differ, one line each: empty when the outcomes agree. */
    public List<String> differences(Outcome other) {
        List<String> diffs = new ArrayList<>();
        compare(diffs, "kind", kind, other.kind);
        compare(diffs, "value", value, other.value);
        compare(diffs, "display", display, other.display);
        compare(diffs, "errorName", errorName, other.errorName);
        compare(diffs, "errorMessage", errorMessage, other.errorMessage);
        compare(diffs, "errorStack", errorStack, other.errorStack);
        compare(diffs, "output", output, other.output);
        return diffs;
    }

    private static void compare(List<String> diffs, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            diffs.add(field + ": native=" + quote(a) + " sandbox=" + quote(b));
        }
    }

    static String quote(Object o) {
        if (o == null) {
            return "null";
        }
        String s = o.toString();
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Override
    public String toString() {
        return String.join("\n", "kind: " + kind, "value: " + quote(value), "display: " + quote(display),
                "errorName: " + quote(errorName), "errorMessage: " + quote(errorMessage), "errorStack: " + quote(errorStack),
                "output: " + quote(output), "detail: " + quote(detail));
    }
}
