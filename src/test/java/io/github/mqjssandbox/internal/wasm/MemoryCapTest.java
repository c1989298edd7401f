package io.github.mqjssandbox.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mqjssandbox.Engine;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The wasm memory of an instance is capped at the module's initial memory + the arena + the
 * I/O reserve + allocator slack (docs/design.md), and a script that exhausts the arena never
 * makes the memory grow past that cap.
 */
class MemoryCapTest {
    private static final int PAGE = 65536;
    private static final int ARENA = 1 << 20;
    private static final int IO_RESERVE = 64 << 10;

    @Test
    void capIsArenaPlusAFixedOverheadAndHolds() {
        EngineInstance engine = EngineInstance.create(Engine.AOT, false, ARENA, IO_RESERVE, HostCalls.NONE);
        long expectedCap = 16L * PAGE + ARENA + IO_RESERVE + 2 * PAGE;
        assertEquals(expectedCap, engine.memoryCapBytes());
        RawOutcome outcome = engine.eval(
                "var hog = []; for (;;) hog.push('x' + hog.length);".getBytes(StandardCharsets.UTF_8), "<test>");
        assertEquals("out of memory", outcome.errorMessage());
        assertTrue(engine.memoryBytes() <= expectedCap, engine.memoryBytes() + " > " + expectedCap);
    }
}
