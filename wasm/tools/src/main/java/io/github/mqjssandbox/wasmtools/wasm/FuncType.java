package io.github.mqjssandbox.wasmtools.wasm;

import java.util.List;

/** A function signature; value-equal so it can be used to find or reuse type indices. */
public record FuncType(List<ValType> params, List<ValType> results) {
    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    public static FuncType of(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    static final int FORM = 0x60;

    static FuncType read(ByteReader in) {
        long at = in.offset();
        if (in.readByte() != FORM) {
            throw new WasmFormatException("expected function type form 0x60", at);
        }
        return new FuncType(readTypes(in), readTypes(in));
    }

    static List<ValType> readTypes(ByteReader in) {
        int n = in.readIndex();
        if (n > in.remaining()) {
            throw in.error("value type count " + n + " exceeds input");
        }
        ValType[] types = new ValType[n];
        for (int i = 0; i < n; i++) {
            types[i] = ValType.read(in);
        }
        return List.of(types);
    }

    void write(ByteWriter out) {
        out.writeByte(FORM);
        writeTypes(out, params);
        writeTypes(out, results);
    }

    static void writeTypes(ByteWriter out, List<ValType> types) {
        out.writeU32(types.size());
        for (ValType t : types) {
            out.writeByte(t.code());
        }
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
