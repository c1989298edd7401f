package io.github.mqjssandbox.wasmtools.fuel;

import io.github.mqjssandbox.wasmtools.wasm.ByteReader;
import io.github.mqjssandbox.wasmtools.wasm.Import;
import io.github.mqjssandbox.wasmtools.wasm.Section;
import io.github.mqjssandbox.wasmtools.wasm.SectionId;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;

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
        boolean hasMemory = module.imports().stream().anyMatch(i -> i.descriptor() instanceof Import.MemoryImport);
        for (Section s : module.sections()) {
            if (s.id() == SectionId.MEMORY && new ByteReader(s.payload()).readU32() > 0) {
                hasMemory = true;
            }
        }
        if (!hasMemory) {
            throw new IllegalArgumentException("--storage memory needs a module with a memory");
        }
        for (Section s : module.sections()) {
            if (s.id() != SectionId.DATA) {
                continue;
            }
            ByteReader r = new ByteReader(s.payload());
            long count = r.readU32();
            for (long n = 0; n < count; n++) {
                int flags = (int) r.readU32();
                long memory = flags == 2 ? r.readU32() : 0;
                if (flags != 1) {
                    int op = r.readByte();
                    if (op != 0x41) {
                        throw new IllegalArgumentException("--storage memory: data segment " + n
                                + " has a non-constant offset");
                    }
                    long offset = Integer.toUnsignedLong(r.readS32());
                    if (r.readByte() != 0x0B) {
                        throw new IllegalArgumentException("--storage memory: data segment " + n
                                + " has a non-constant offset");
                    }
                    long length = r.readU32();
                    if (memory == 0 && length > 0 && offset < FuelMeter.FUEL_ADDRESS + 8
                            && offset + length > FuelMeter.FUEL_ADDRESS) {
                        throw new IllegalArgumentException("--storage memory: data segment " + n
                                + " overlaps the counter at " + FuelMeter.FUEL_ADDRESS);
                    }
                    r.skip((int) length);
                } else {
                    r.skip((int) r.readU32());
                }
            }
        }
    }
}
