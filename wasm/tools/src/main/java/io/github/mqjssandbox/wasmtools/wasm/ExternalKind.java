package io.github.mqjssandbox.wasmtools.wasm;

/** Kind byte of imports and exports. */
public enum ExternalKind {
    FUNCTION(0),
    TABLE(1),
    MEMORY(2),
    GLOBAL(3);

    private final int code;

    ExternalKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static ExternalKind read(ByteReader in) {
        long at = in.offset();
        int b = in.readByte();
        for (ExternalKind k : values()) {
            if (k.code == b) {
                return k;
            }
        }
        throw new WasmFormatException("unknown or unsupported external kind " + b, at);
    }
}
