package io.github.mqjssandbox.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Data segments through a real instance: active ones written at instantiation, memory.init and data.drop. */
class PagedMemorySegmentsTest {

    /**
     * <pre>
     * (memory (export "mem") 1 2)
     * (data (i32.const ACTIVE_AT) "hi")
     * (data "xyz")                                      ;; passive, segment 1
     * (func (export "init") (param i32 i32 i32) local.get 0 local.get 1 local.get 2 memory.init 1)
     * (func (export "drop") data.drop 1)
     * (func (export "grow") (param i32) (result i32) local.get 0 memory.grow)
     * </pre>
     */
    private static WasmModule module(int activeAt) {
        ByteArrayOutputStream wasm = new ByteArrayOutputStream();
        wasm.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(wasm, 1, bytes(3, 0x60, 3, 0x7f, 0x7f, 0x7f, 0, 0x60, 0, 0, 0x60, 1, 0x7f, 1, 0x7f));
        section(wasm, 3, bytes(3, 0, 1, 2));
        section(wasm, 5, bytes(1, 1, 1, 2));
        section(wasm, 7, concat(bytes(4), name("mem"), bytes(2, 0), name("init"), bytes(0, 0),
                name("drop"), bytes(0, 1), name("grow"), bytes(0, 2)));
        section(wasm, 12, bytes(2));
        byte[] init = bytes(0, 0x20, 0, 0x20, 1, 0x20, 2, 0xfc, 8, 1, 0, 0x0b);
        byte[] drop = bytes(0, 0xfc, 9, 1, 0x0b);
        byte[] grow = bytes(0, 0x20, 0, 0x40, 0, 0x0b);
        section(wasm, 10, concat(bytes(3, init.length), init, bytes(drop.length), drop, bytes(grow.length), grow));
        section(wasm, 11, concat(bytes(2, 0, 0x41), leb(activeAt), bytes(0x0b, 2, 'h', 'i'), bytes(1, 3, 'x', 'y', 'z')));
        return Parser.parse(wasm.toByteArray());
    }

    private static Instance instantiate(WasmModule module) {
        return Instance.builder(module).withMemoryFactory(PagedMemory::new).build();
    }

    @Test
    void activeSegmentsAreWrittenAtInstantiationAndPassiveOnesOnMemoryInit() {
        Instance instance = instantiate(module(16));
        PagedMemory memory = (PagedMemory) instance.memory();
        assertEquals("hi", memory.readString(16, 2));
        assertEquals(1, memory.ownedPages());

        ExportFunction init = instance.export("init");
        init.apply(100, 0, 3);
        assertEquals("xyz", memory.readString(100, 3));
        init.apply(65535, 2, 1);
        assertEquals('z', memory.read(65535));
        assertThrows(WasmRuntimeException.class, () -> init.apply(65535, 0, 2), "past the end of memory");
        assertThrows(WasmRuntimeException.class, () -> init.apply(0, 2, 2), "past the end of the segment");
        init.apply(0, 3, 0); // empty, at the segment's end: allowed

        instance.export("drop").apply();
        init.apply(0, 0, 0);
        assertThrows(WasmRuntimeException.class, () -> init.apply(0, 0, 1), "dropped");
        assertEquals("xyz", new String(instance.module().dataSection().getDataSegment(1).data(), StandardCharsets.UTF_8),
                "dropping leaves the module's segment alone");
    }

    @Test
    void memoryGrowRunsThroughTheMemory() {
        Instance instance = instantiate(module(16));
        ExportFunction grow = instance.export("grow");
        assertEquals(1, grow.apply(1)[0]);
        assertEquals(-1, (int) grow.apply(1)[0]);
        assertEquals(2, instance.memory().pages());
        assertEquals(1, ((PagedMemory) instance.memory()).ownedPages());
    }

    @Test
    void anActiveSegmentOutsideMemoryMakesTheModuleUninstantiable() {
        UninstantiableException refused = assertThrows(UninstantiableException.class, () -> instantiate(module(65535)));
        assertTrue(refused.getMessage().startsWith("out of bounds memory access"), refused.getMessage());
    }

    @Test
    void restoringAnInstancesMemoryToAnImageUndoesWhatTheInstanceWrote() {
        Instance template = instantiate(module(16));
        MemoryImage image = ((PagedMemory) template.memory()).freeze();
        Instance instance = instantiate(module(16));
        PagedMemory memory = (PagedMemory) instance.memory();
        instance.export("init").apply(16, 0, 3);
        assertEquals("xyz", memory.readString(16, 3));
        memory.restore(image);
        assertArrayEquals("hi\0".getBytes(StandardCharsets.UTF_8), memory.readBytes(16, 3));
        assertEquals(0, memory.ownedPages());
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] body) {
        out.write(id);
        out.writeBytes(leb(body.length));
        out.writeBytes(body);
    }

    private static byte[] name(String name) {
        return concat(bytes(name.length()), name.getBytes(StandardCharsets.UTF_8));
    }

    /** LEB128 of a non-negative number, valid read as signed (i32.const) or unsigned (sizes). */
    private static byte[] leb(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int low = value & 0x7f;
            value >>>= 7;
            if (value == 0 && (low & 0x40) == 0) {
                out.write(low);
                return out.toByteArray();
            }
            out.write(low | 0x80);
        }
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
