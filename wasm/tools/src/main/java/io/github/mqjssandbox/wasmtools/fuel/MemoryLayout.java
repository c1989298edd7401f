package io.github.mqjssandbox.wasmtools.fuel;

import io.github.mqjssandbox.wasmtools.wasm.LinearMemory;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.util.List;

/** Checks that the memory counter word [{@link FuelMeter#FUEL_ADDRESS}, +8) is free. */
final class MemoryLayout {
    private MemoryLayout() {
    }

    /**
     * Requires memory 0 and that no active data segment of memory 0 starts below
     * {@code FUEL_ADDRESS + 8} (or at a non-constant offset). Passive segments and run-time
     * stores cannot be checked: the program must not write there (C: a null-pointer store).
     */
    static void requireFreeCounterWord(WasmModule module) {
        if (LinearMemory.initialPages(module) < 0) {
            throw new IllegalArgumentException("--storage memory needs a module with a memory");
        }
        List<LinearMemory.Segment> segments;
        try {
            segments = LinearMemory.activeDataSegments(module);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--storage memory: " + e.getMessage(), e);
        }
        for (LinearMemory.Segment s : segments) {
            if (s.offset() < 0) {
                throw new IllegalArgumentException("--storage memory: data segment " + s.index()
                        + " has a non-constant offset");
            }
            if (s.memory() == 0 && s.length() > 0 && s.offset() < FuelMeter.FUEL_ADDRESS + 8
                    && s.offset() + s.length() > FuelMeter.FUEL_ADDRESS) {
                throw new IllegalArgumentException("--storage memory: data segment " + s.index()
                        + " overlaps the counter at " + FuelMeter.FUEL_ADDRESS);
            }
        }
    }
}
