package io.github.mqjssandbox.wasmtools.wasm;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads function names from the "name" custom section. Custom sections may legally be
 * malformed, so a broken name section yields no names instead of failing the module.
 */
final class NameSection {
    private static final int FUNCTION_NAMES = 1;

    private NameSection() {
    }

    static Map<Integer, String> functionNames(Section section) {
        Map<Integer, String> names = new HashMap<>();
        byte[] raw = section.raw();
        ByteReader in = new ByteReader(raw, section.payloadStart(), raw.length, section.offset());
        try {
            in.readName(); // "name"
            while (in.hasMore()) {
                int id = in.readByte();
                int size = in.readIndex();
                if (id != FUNCTION_NAMES) {
                    in.skip(size);
                    continue;
                }
                int end = in.position() + size;
                int count = in.readIndex();
                for (int i = 0; i < count; i++) {
                    int index = in.readIndex();
                    names.put(index, in.readName());
                }
                if (in.position() != end) {
                    return Map.of();
                }
            }
        } catch (WasmFormatException e) {
            return Map.of();
        }
        return names;
    }
}
