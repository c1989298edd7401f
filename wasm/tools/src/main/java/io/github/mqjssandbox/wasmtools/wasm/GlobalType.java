package io.github.mqjssandbox.wasmtools.wasm;

/** Value type and mutability of a global. */
public record GlobalType(ValType type, boolean mutable) {
    public GlobalType {
        if (type == null) {
            throw new IllegalArgumentException("global type is required");
        }
    }

    public static GlobalType mutable(ValType type) {
        return new GlobalType(type, true);
    }

    public static GlobalType immutable(ValType type) {
        return new GlobalType(type, false);
    }

    static GlobalType read(ByteReader in) {
        ValType t = ValType.read(in);
        long at = in.offset();
        int mut = in.readByte();
        if (mut > 1) {
            throw new WasmFormatException("invalid global mutability " + mut, at);
        }
        return new GlobalType(t, mut == 1);
    }

    void write(ByteWriter out) {
        out.writeByte(type.code());
        out.writeByte(mutable ? 1 : 0);
    }
}
