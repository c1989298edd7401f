package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sandbox on one flat memory array answers, meters, resets, hibernates and snapshots as a paged one. */
class FlatMemorySandboxTest {
    private static final List<String> SCRIPTS = List.of(
            "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(20)",
            "var o = []; for (var i = 0; i < 3000; i++) o.push({ i: i, s: 'v' + i });"
                    + " JSON.stringify(JSON.parse(JSON.stringify(o))).length",
            "var t = ''; for (var i = 0; i < 2000; i++) t += 'u' + i + '@x.com '; t.match(/\\w+@\\w+\\.com/g).length",
            "var e; try { null.f(); } catch (x) { e = x.name + ': ' + x.message; } e",
            "var a = []; for (var i = 0; i < 5000; i++) a.push((i * 7919) % 1000); a.sort(function (x, y) { return x - y; }).join().length");

    private static SandboxConfig.Builder config(boolean flat) {
        return SandboxConfig.builder().engine(Engine.AOT).flatMemory(flat);
    }

    @Test
    void valuesAndFuelAreThoseOfAPagedSandbox() {
        for (String script : SCRIPTS) {
            try (Sandbox paged = Sandbox.create(config(false).fuelLimit(1_000_000_000).build());
                    Sandbox flat = Sandbox.create(config(true).fuelLimit(1_000_000_000).build())) {
                EvalResult expected = paged.eval(script);
                EvalResult actual = flat.eval(script);
                assertEquals(expected.display(), actual.display(), script);
                assertEquals(expected.fuelUsed(), actual.fuelUsed(), script);
                assertEquals(expected.memoryUsedBytes(), actual.memoryUsedBytes(), script);
            }
        }
    }

    @Test
    void theMemoryIsOneArrayWhileAwakeAndOnlyDifferencesWhileHibernating() {
        try (Sandbox flat = Sandbox.create(config(true).hibernateWhenIdle(null).build());
                Sandbox paged = Sandbox.create(config(false).hibernateWhenIdle(null).build())) {
            flat.eval("1 + 2");
            paged.eval("1 + 2");
            assertTrue(flat.memoryState().privateBytes() >= 16 << 20, "flat: " + flat.memoryState());
            assertTrue(paged.memoryState().privateBytes() < 1 << 20, "paged: " + paged.memoryState());
        }
        try (Sandbox flat = Sandbox.create(config(true).hibernateWhenIdle(Duration.ZERO).build())) {
            flat.eval("var small = 'state'");
            Sandbox.MemoryState idle = flat.memoryState();
            assertTrue(idle.hibernating() && idle.privateBytes() < 64 << 10, "hibernating: " + idle);
            assertEquals("state", flat.eval("small").display());
        }
    }

    /** A limit no other test uses: the flat sandbox makes the template, in its own layout. */
    @Test
    void aTemplateMadeByAFlatSandboxServesPagedOnesToo() {
        SandboxConfig flatConfig = config(true).memoryLimitBytes(3 << 20).hibernateWhenIdle(null).build();
        SandboxConfig pagedConfig = flatConfig.newBuilder().flatMemory(false).build();
        try (Sandbox flat = Sandbox.create(flatConfig); Sandbox paged = Sandbox.create(pagedConfig)) {
            assertEquals("function", flat.eval("typeof escape").display(), "the prelude is in the template");
            assertEquals("function", paged.eval("typeof escape").display());
            assertTrue(flat.memoryState().privateBytes() >= 3 << 20, "flat: " + flat.memoryState());
            assertTrue(paged.memoryState().privateBytes() < 1 << 20, "paged: " + paged.memoryState());
        }
    }

    @Test
    void resetForgetsTheScriptsState() {
        try (Sandbox flat = Sandbox.create(config(true).build())) {
            flat.eval("var kept = 'x'; Array.prototype.extra = 1;");
            flat.reset();
            assertEquals("undefined undefined", flat.eval("typeof kept + ' ' + typeof [].extra").display());
        }
    }

    @Test
    void stateSurvivesHibernation() {
        try (Sandbox flat = Sandbox.create(config(true).hibernateWhenIdle(Duration.ZERO).build())) {
            flat.eval("var counter = 0; function next() { return ++counter; }");
            flat.eval("for (var i = 0; i < 1000; i++) next();");
            assertEquals("1001", flat.eval("next()").display());
        }
    }

    @Test
    void snapshotsMoveBetweenFlatAndPagedSandboxes() {
        byte[] snapshot;
        try (Sandbox flat = Sandbox.create(config(true).build())) {
            flat.eval("var made = [1, 2, 3].map(function (x) { return x * 7; });");
            snapshot = flat.snapshot();
        }
        try (Sandbox paged = Sandbox.restore(snapshot, config(false).build());
                Sandbox flat = Sandbox.restore(snapshot, config(true).build())) {
            assertEquals("7,14,21", paged.eval("made.join()").display());
            assertEquals("7,14,21", flat.eval("made.join()").display());
        }
    }

    @Test
    void theMemoryLimitHoldsAndTheSandboxGoesOn() {
        try (Sandbox flat = Sandbox.create(config(true).memoryLimitBytes(1 << 20).build())) {
            assertThrows(MemoryLimitException.class,
                    () -> flat.eval("var a = []; for (;;) a.push('grow' + a.length);"));
            assertEquals("3", flat.eval("1 + 2").display());
        }
    }

    @Test
    void theOptionIsKeptByNewBuilder() {
        SandboxConfig flat = config(true).build();
        assertTrue(flat.flatMemory());
        assertTrue(flat.newBuilder().build().flatMemory());
        assertEquals(false, SandboxConfig.defaults().flatMemory());
    }
}
