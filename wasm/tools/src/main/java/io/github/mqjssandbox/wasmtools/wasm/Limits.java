package io.github.mqjssandbox.wasmtools.wasm;

/**
 * Table or memory limits. {@code flags} is kept verbatim (bit 0: has max, bit 1: shared) so
 * imports round-trip even though threads are not otherwise modeled; {@code max} is -1 if absent.
 */
public record Limits(int flags, long min, long max) {
    public Limits {
        if ((flags & ~0x3) != 0) {
            throw new IllegalArgumentException("unsupported limits flags " + flags);
        }
        if (((flags & 1) != 0) != (max >= 0)) {
            throw new IllegalArgumentException("max presence must match flags");
        }
    }

    public boolean hasMax() {
        return (flags & 1) != 0;
    }

    static Limits read(ByteReader in) {
        long at = in.offset();
        int flags = in.readByte();
        if ((flags & ~0x3) != 0) {
            throw new WasmFormatException("unsupported limits flags " + flags, at);
        }
        long min = in.readU32();
        long max = (flags & 1) != 0 ? in.readU32() : -1;
        return new Limits(flags, min, max);
    }

    void write(ByteWriter out) {
        out.writeByte(flags);
        out.writeU32(min);
        if (hasMax()) {
            out.writeU32(max);
        }
    }
}
