package io.github.mqjssandbox.internal.wasm;

import io.github.mqjssandbox.internal.EngineText;

/**
 * What one {@code sbx_eval}/{@code sbx_call} left behind: a status code and the result
 * slots of wasm/src/sandbox.h, decoded from UTF-8 ({@code null} when absent).
 */
public record RawOutcome(
        Status status,
        String valueJson,
        String display,
        String errorName,
        String errorMessage,
        String errorStack) {

    /** The status codes of sandbox.h. */
    public enum Status {
        OK,
        THROWN,
        UNCATCHABLE,
        NO_CONTEXT,
        SYNTAX;

        static Status of(int code) {
            Status[] all = values();
            if (code < 0 || code >= all.length) {
                throw new IllegalStateException("unknown sandbox status " + code);
            }
            return all[code];
        }
    }

    static final int SLOT_COUNT = 5;

    /** The engine's heap-exhaustion errors: InternalError at run time, SyntaxError from the parser. */
    public boolean isOutOfMemory() {
        return ("InternalError".equals(errorName) || "SyntaxError".equals(errorName))
                && ("out of memory".equals(errorMessage) || "not enough memory".equals(errorMessage));
    }

    static RawOutcome of(int status, byte[][] slots) {
        return new RawOutcome(
                Status.of(status),
                text(slots[0]),
                text(slots[1]),
                text(slots[2]),
                text(slots[3]),
                text(slots[4]));
    }

    private static String text(byte[] utf8) {
        return utf8 == null ? null : EngineText.decode(utf8);
    }
}
