package io.github.mqjssandbox.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.OpCode;
import io.github.mqjssandbox.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The C stack cannot silently corrupt memory: the module is linked stack-first, so the stack
 * grows down towards address 0 below all static data, and an overflow wraps to an address out
 * of bounds and traps. The host then recognises the overflow (the sandbox reports it as an
 * internal error and resets).
 */
class CStackGuardTest {
    private static final int STACK_BYTES = 256 << 10; // -sTOTAL_STACK in wasm/Makefile

    @Test
    void theShippedModulesPutTheStackBelowAllStaticData() {
        for (WasmModule module : new WasmModule[] {ModuleRegistry.parseShippedModule(), ModuleRegistry.parseShippedMeteredModule()}) {
            int stackTop = (int) module.globalSection().getGlobal(0).initInstructions().get(0).operand(0);
            assertEquals(STACK_BYTES, stackTop, "the stack pointer starts at the top of a stack that begins at 0");
            int segments = 0;
            for (DataSegment segment : module.dataSection().dataSegments()) {
                ActiveDataSegment active = (ActiveDataSegment) segment;
                assertEquals(OpCode.I32_CONST, active.offsetInstructions().get(0).opcode());
                long offset = active.offsetInstructions().get(0).operand(0);
                assertTrue(offset >= stackTop, "static data at " + offset + " lies inside the stack");
                segments++;
            }
            assertTrue(segments > 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOverflowInTheEngineTrapsWithoutTouchingStaticData(Engine engine) {
        AtomicReference<Instance> captured = new AtomicReference<>();
        LoadedModule shipped = ModuleRegistry.get(engine, false);
        LoadedModule watched = new LoadedModule(shipped.module(), instance -> {
            captured.set(instance);
            return shipped.machineFactory().apply(instance);
        });
        EngineInstance sandbox = EngineInstance.create(watched, 1 << 20, 1 << 16, HostCalls.NONE);
        assertEquals(RawOutcome.Status.OK, sandbox.eval(utf8("[1, 2].join()"), "<test>").status());
        assertFalse(sandbox.cStackOverflowed(), "a normal evaluation leaves the stack balanced");

        Instance instance = captured.get();
        byte[] staticData = dataSegments(instance);
        // As if the engine had used all but the last 128 bytes of its 256 KiB C stack: its next
        // calls overflow it. (In the default layout, data-first, that would write over static data.)
        long stackTop = instance.export("stackSave").apply()[0];
        instance.export("stackRestore").apply(stackTop - STACK_BYTES + 128);
        RuntimeException trap = assertThrows(RuntimeException.class, () -> sandbox.eval(utf8("[1, 2].join()"), "<test>"));
        assertTrue(String.valueOf(trap.getMessage()).contains("out of bounds memory access"), String.valueOf(trap));
        assertTrue(sandbox.cStackOverflowed(), "the host sees that it was the C stack");
        assertArrayEquals(staticData, dataSegments(instance), "the static data (every data segment) is untouched");
    }

    @Test
    void aFixtureOverflowTrapsStackFirstButCorruptsDataInTheDefaultLayout() throws IOException {
        // Stack-first: a 4 KiB stack at [0, 4096), static data above it.
        Instance stackFirst = fixture();
        stackFirst.export("init").apply(4096, 4096);
        byte[] canary = stackFirst.memory().readBytes(4096, 16);
        RuntimeException trap = assertThrows(RuntimeException.class, () -> stackFirst.export("recurse").apply(0));
        assertTrue(String.valueOf(trap.getMessage()).contains("out of bounds memory access"), String.valueOf(trap));
        assertArrayEquals(canary, stackFirst.memory().readBytes(4096, 16));
        int wrapped = (int) stackFirst.exports().global("stack_pointer").getValue();
        assertTrue(Integer.compareUnsigned(wrapped, 4096) > 0, "the stack pointer went below 0 and wrapped: " + wrapped);

        // Emscripten's default: static data at 1024, the stack above it at [5120, 9216).
        Instance dataFirst = fixture();
        dataFirst.export("init").apply(9216, 1024);
        byte[] before = dataFirst.memory().readBytes(1024, 16);
        assertThrows(RuntimeException.class, () -> dataFirst.export("recurse").apply(0));
        assertNotEquals(new String(before, StandardCharsets.ISO_8859_1),
                new String(dataFirst.memory().readBytes(1024, 16), StandardCharsets.ISO_8859_1),
                "without the guard the overflow wrote over the static data before anything trapped");
    }

    /** The current bytes at every data segment of the module, concatenated. */
    private static byte[] dataSegments(Instance instance) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (DataSegment segment : instance.module().dataSection().dataSegments()) {
            int offset = (int) ((ActiveDataSegment) segment).offsetInstructions().get(0).operand(0);
            bytes.writeBytes(instance.memory().readBytes(offset, segment.data().length));
        }
        return bytes.toByteArray();
    }

    private static Instance fixture() throws IOException {
        try (InputStream in = CStackGuardTest.class.getResourceAsStream("/cstack/overflow.wasm")) {
            return Instance.builder(Parser.parse(in)).build();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
