package io.github.mqjssandbox.wasmtools.wasm;

/**
 * Thrown when a binary module is malformed or uses a feature this library does not model.
 * The message always names the byte offset in the input so a broken build artifact can be
 * inspected with a hex dump.
 */
public final class WasmFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public WasmFormatException(String message, long offset) {
        super(message + " at offset " + offset + " (0x" + Long.toHexString(offset) + ")");
        this.offset = offset;
    }

    /** Absolute byte offset in the module where the problem was detected. */
    public long offset() {
        return offset;
    }
}
