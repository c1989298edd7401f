package io.github.mqjssandbox.wasmtools.wasm;

/** One entry of the export section. */
public record Export(String name, ExternalKind kind, int index) {
    public Export {
        if (name == null || kind == null || index < 0) {
            throw new IllegalArgumentException("export needs a name, kind and non-negative index");
        }
    }

    public static Export function(String name, int functionIndex) {
        return new Export(name, ExternalKind.FUNCTION, functionIndex);
    }

    public static Export global(String name, int globalIndex) {
        return new Export(name, ExternalKind.GLOBAL, globalIndex);
    }

    static Export read(ByteReader in) {
        String name = in.readName();
        ExternalKind kind = ExternalKind.read(in);
        return new Export(name, kind, in.readIndex());
    }

    void write(ByteWriter out) {
        out.writeName(name);
        out.writeByte(kind.code());
        out.writeU32(index);
    }
}
