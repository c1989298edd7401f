package io.github.mqjssandbox.wasmtools.wasm;

import java.util.ArrayList;
import java.util.List;

/**
 * What a module says about its linear memory, read from the raw memory and data sections: for
 * the rewriters that reserve a part of memory and must check that nothing else claims it.
 */
public final class LinearMemory {
    /** {@link #initialPages} of a module that imports its memory: the host decides the size. */
    public static final long IMPORTED = Long.MAX_VALUE;

    /**
     * An active data segment; {@code offset} is -1 when it is set by {@code global.get}, so only
     * known at instantiation.
     */
    public record Segment(long index, long memory, long offset, long length) {
    }

    private LinearMemory() {
    }

    /** Initial size of memory 0 in 64 KiB pages, {@link #IMPORTED}, or -1 without a memory. */
    public static long initialPages(WasmModule module) {
        if (module.imports().stream().anyMatch(i -> i.kind() == ExternalKind.MEMORY)) {
            return IMPORTED;
        }
        for (Section s : module.sections()) {
            if (s.id() == SectionId.MEMORY) {
                ByteReader r = new ByteReader(s.payload());
                if (r.readU32() > 0) {
                    r.readByte(); // limits flags
                    return r.readU32();
                }
            }
        }
        return -1;
    }

    /**
     * The active data segments (passive ones are only copied by explicit instructions).
     *
     * @throws IllegalArgumentException if an offset is neither {@code i32.const} nor
     *     {@code global.get}
     */
    public static List<Segment> activeDataSegments(WasmModule module) {
        List<Segment> segments = new ArrayList<>();
        for (Section s : module.sections()) {
            if (s.id() != SectionId.DATA) {
                continue;
            }
            ByteReader r = new ByteReader(s.payload());
            long count = r.readU32();
            for (long k = 0; k < count; k++) {
                long flags = r.readU32();
                if (flags == 1) { // passive
                    r.skip((int) r.readU32());
                    continue;
                }
                long memory = flags == 2 ? r.readU32() : 0;
                long offset = -1;
                int op = r.readByte();
                if (op == 0x41) { // i32.const
                    offset = Integer.toUnsignedLong(r.readS32());
                } else if (op == 0x23) { // global.get
                    r.readU32();
                } else {
                    throw new IllegalArgumentException("data segment " + k + ": unsupported offset expression 0x"
                            + Integer.toHexString(op));
                }
                if (r.readByte() != 0x0B) {
                    throw new IllegalArgumentException("data segment " + k + ": offset expression is not constant");
                }
                long length = r.readU32();
                r.skip((int) length);
                segments.add(new Segment(k, memory, offset, length));
            }
        }
        return segments;
    }
}
