package io.github.mqjssandbox.wasmtools.split;

import io.github.mqjssandbox.wasmtools.wasm.LinearMemory;
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
        long minPages = LinearMemory.initialPages(module);
        if (minPages < 0) {
            throw new IllegalArgumentException("--transfer memory needs a linear memory, the module has none");
        }
        if (minPages != LinearMemory.IMPORTED && minPages * 65536 < end) {
            throw new IllegalArgumentException("scratch area [" + base + ", " + end + ") is beyond the initial memory ("
                    + minPages + " pages)");
        }
        for (LinearMemory.Segment s : LinearMemory.activeDataSegments(module)) {
            if (s.offset() >= 0 && s.offset() < end && s.offset() + s.length() > base) {
                throw new IllegalArgumentException("scratch area [" + base + ", " + end + ") overlaps data segment "
                        + s.index() + " at [" + s.offset() + ", " + (s.offset() + s.length())
                        + "); choose another --scratch-base");
            }
        }
    }
}
