package io.github.mqjssandbox.wasmtools.wasm;

/** One entry of the import section. */
public record Import(String module, String name, Descriptor descriptor) {

    public ExternalKind kind() {
        return descriptor.kind();
    }

    /** What is imported; one record per external kind. */
    public sealed interface Descriptor {
        ExternalKind kind();
    }

    public record FunctionImport(int typeIndex) implements Descriptor {
        @Override
        public ExternalKind kind() {
            return ExternalKind.FUNCTION;
        }
    }

    public record TableImport(ValType elementType, Limits limits) implements Descriptor {
        @Override
        public ExternalKind kind() {
            return ExternalKind.TABLE;
        }
    }

    public record MemoryImport(Limits limits) implements Descriptor {
        @Override
        public ExternalKind kind() {
            return ExternalKind.MEMORY;
        }
    }

    public record GlobalImport(GlobalType type) implements Descriptor {
        @Override
        public ExternalKind kind() {
            return ExternalKind.GLOBAL;
        }
    }

    static Import read(ByteReader in) {
        String module = in.readName();
        String name = in.readName();
        ExternalKind kind = ExternalKind.read(in);
        Descriptor d;
        switch (kind) {
            case FUNCTION:
                d = new FunctionImport(in.readIndex());
                break;
            case TABLE:
                ValType elem = ValType.readReference(in);
                d = new TableImport(elem, Limits.read(in));
                break;
            case MEMORY:
                d = new MemoryImport(Limits.read(in));
                break;
            case GLOBAL:
                d = new GlobalImport(GlobalType.read(in));
                break;
            default:
                throw new AssertionError(kind);
        }
        return new Import(module, name, d);
    }

    void write(ByteWriter out) {
        out.writeName(module);
        out.writeName(name);
        out.writeByte(kind().code());
        if (descriptor instanceof FunctionImport f) {
            out.writeU32(f.typeIndex());
        } else if (descriptor instanceof TableImport t) {
            out.writeByte(t.elementType().code());
            t.limits().write(out);
        } else if (descriptor instanceof MemoryImport m) {
            m.limits().write(out);
        } else if (descriptor instanceof GlobalImport g) {
            g.type().write(out);
        }
    }
}
