package io.github.mqjssandbox.wasmtools.wasm;

/** Value types with their one-byte binary encodings. */
public enum ValType {
    I32(0x7F, "i32"),
    I64(0x7E, "i64"),
    F32(0x7D, "f32"),
    F64(0x7C, "f64"),
    V128(0x7B, "v128"),
    FUNCREF(0x70, "funcref"),
    EXTERNREF(0x6F, "externref");

    private final int code;
    private final String text;

    ValType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }

    /** Returns the type for an encoding byte, or null if the byte is not a value type. */
    public static ValType fromCode(int code) {
        for (ValType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    static ValType read(ByteReader in) {
        long at = in.offset();
        ValType t = fromCode(in.readByte());
        if (t == null) {
            throw new WasmFormatException("invalid value type", at);
        }
        return t;
    }

    static ValType readReference(ByteReader in) {
        long at = in.offset();
        ValType t = read(in);
        if (!t.isReference()) {
            throw new WasmFormatException("expected reference type", at);
        }
        return t;
    }

    @Override
    public String toString() {
        return text;
    }
}
