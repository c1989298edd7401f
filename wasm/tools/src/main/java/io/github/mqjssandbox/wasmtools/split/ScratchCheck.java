package io.github.mqjssandbox.wasmtools.split;

import io.github.mqjssandbox.wasmtools.wasm.ByteReader;
import io.github.mqjssandbox.wasmtools.wasm.ExternalKind;
import io.github.mqjssandbox.wasmtools.wasm.Import;
import io.github.mqjssandbox.wasmtools.wasm.Section;
import io.github.mqjssandbox.wasmtools.wasm.SectionId;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;

/**
 * Checks that the scratch area of {@code --transfer memory} is safe to use: the module has a
 * memory 0 whose initial size covers the area, and no active data segment (with a constant
 * offset) overlaps it. Emscripten links data at GLOBAL_BASE = 1024 and never touches
 * [0, 1024) except address 0 (null), so the default area [8, 1024) is free; the stack and
 * heap lie above the data. The splitter cannot see stores through computed addresses, so a
 * non-Emscripten module must choose an area its code does not use.
 */
final class ScratchCheck {
    private ScratchCheck() {
    }

    static void verify(WasmModule module, int base, int bytes) {
        if (base < 0 || bytes < 8 || base % 8 != 0) {
            throw new IllegalArgumentException("--scratch-base must be a non-negative multiple of 8 and "
                    + "--scratch-bytes at least 8, got base " + base + " bytes " + bytes);
        }
        long end = (long) base + bytes;
        long minPages = -1;
        for (Import imp : module.imports()) {
            if (imp.kind() == ExternalKind.MEMORY) {
                minPages = Long.MAX_VALUE; // imported: size is the host's business; assume enough
            }
        }
        for (Section s : module.sections()) {
            if (s.id() == SectionId.MEMORY && minPages < 0) {
                ByteReader r = new ByteReader(s.payload());
                if (r.readU32() > 0) {
                    r.readByte(); // limits flags
                    minPages = r.readU32();
                }
            }
        }
        if (minPages < 0) {
            throw new IllegalArgumentException("--transfer memory needs a linear memory, the module has none");
        }
        if (minPages != Long.MAX_VALUE && minPages * 65536 < end) {
            throw new IllegalArgumentException("scratch area [" + base + ", " + end + ") is beyond the initial memory ("
                    + minPages + " pages)");
        }
        for (Section s : module.sections()) {
            if (s.id() != SectionId.DATA) {
                continue;
            }
            ByteReader r = new ByteReader(s.payload());
            long count = r.readU32();
            for (long k = 0; k < count; k++) {
                long flags = r.readU32();
                long offset = -1;
                if (flags == 0 || flags == 2) {
                    if (flags == 2) {
                        r.readU32(); // memory index
                    }
                    int op = r.readByte();
                    if (op == 0x41) { // i32.const
                        offset = r.readS32() & 0xFFFF_FFFFL;
                    } else if (op == 0x23) { // global.get: offset unknown at build time
                        r.readU32();
                    } else {
                        throw new IllegalArgumentException("data segment " + k + ": unsupported offset expression 0x"
                                + Integer.toHexString(op));
                    }
                    if (r.readByte() != 0x0B) {
                        throw new IllegalArgumentException("data segment " + k + ": offset expression is not constant");
                    }
                }
                long len = r.readU32();
                r.skip((int) len);
                if (offset >= 0 && offset < end && offset + len > base) {
                    throw new IllegalArgumentException("scratch area [" + base + ", " + end + ") overlaps data segment "
                            + k + " at [" + offset + ", " + (offset + len) + "); choose another --scratch-base");
                }
            }
        }
    }
}
