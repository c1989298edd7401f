package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Idle sandboxes give their memory back and lose nothing of their state. */
class HibernationTest {
    /** Globals, closures, a modified prototype, an object graph and the random generator. */
    private static final String[] SCRIPT = {
        "var count = 0; function counter() { return ++count; }",
        "Array.prototype.total = function () { var s = 0; for (var i = 0; i < this.length; i++) s += this[i]; return s; };",
        "var graph = {name: 'g', items: [1, 2, 3]}; graph.self = graph; counter();",
        "var big = []; for (var i = 0; i < 3000; i++) big.push('item' + i); big.length",
        "counter() + ':' + [4, 5, 6].total() + ':' + graph.self.items.total() + ':' + big[2999]",
        "var r = [Math.random(), Math.random()]; r[0] !== r[1]",
        "big = null; [counter(), Math.random()].join(',')",
        "JSON.stringify([count, graph.name, typeof big])",
    };

    /**
     * A sandbox that hibernates after every evaluation answers exactly as one that never does,
     * with the same seed: the state survives hibernation byte for byte (the random generator
     * included), and while idle it holds a small fraction of one page.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void hibernatingLosesNothing(Engine engine) {
        try (Sandbox awake = TestSandboxes.open(engine, b -> b.hibernateWhenIdle(null));
                Sandbox sleeper = TestSandboxes.open(engine, b -> b.hibernateWhenIdle(Duration.ZERO))) {
            for (String step : SCRIPT) {
                assertEquals(awake.eval(step).display(), sleeper.eval(step).display(), step);
                assertTrue(sleeper.memoryState().privateBytes() < 3 * 65536, "less than the pages it wrote");
                Sandbox.MemoryState state = sleeper.memoryState();
                assertTrue(state.hibernating(), step);
                // a snapshot holds the whole live memory: what hibernation keeps is less than that
                assertTrue(state.privateBytes() < sleeper.snapshot().length,
                        "after " + step + ": " + state.privateBytes() + " bytes");
                assertFalse(awake.memoryState().hibernating());
            }
            assertTrue(awake.memoryState().privateBytes() >= 3 * 65536, "an awake sandbox owns its written pages");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theLiveStateIsWhatIsKept(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b.hibernateWhenIdle(Duration.ZERO))) {
            sandbox.eval("1");
            long small = sandbox.memoryState().privateBytes();
            sandbox.eval("var keep = []; for (var i = 0; i < 20000; i++) keep.push('v' + i); keep.length");
            long large = sandbox.memoryState().privateBytes();
            assertTrue(large > small + 100_000, small + " -> " + large);
            sandbox.eval("keep = null");
            long freed = sandbox.memoryState().privateBytes();
            assertTrue(freed < small + 16_000, "garbage is collected before hibernating: " + small + " -> " + freed);
        }
    }

    /** The default: an idle sandbox hibernates by itself a short while after its last call. */
    @Test
    void anIdleSandboxHibernatesByItself() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.hibernateWhenIdle(Duration.ofMillis(20)))) {
            sandbox.eval("var kept = 'still here'");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!sandbox.memoryState().hibernating()) {
                assertTrue(System.nanoTime() < deadline, "no hibernation within 20 s");
                Thread.yield();
            }
            assertEquals("still here", sandbox.eval("kept").value().asText());
            assertFalse(sandbox.memoryState().hibernating(), "a call thaws it");
        }
    }

    /** Calls racing with hibernation wait for it instead of failing, and see their state. */
    @Test
    void callsNeverCollideWithHibernation() {
        Random random = new Random(7);
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.hibernateWhenIdle(Duration.ofNanos(1)))) {
            sandbox.eval("var n = 0");
            int hibernations = 0;
            for (int i = 1; i <= 300; i++) {
                LockSupport.parkNanos(random.nextInt(300_000));
                hibernations += sandbox.memoryState().hibernating() ? 1 : 0;
                assertEquals(i, sandbox.eval("++n").value().asInt());
            }
            assertTrue(hibernations > 0, "it never hibernated between calls");
        }
    }

    /** Collecting garbage before hibernating is the host's work: it never runs out a script's fuel. */
    @Test
    void hibernatingAfterAFuelStopNeedsNoFuel() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.fuelLimit(50_000_000).hibernateWhenIdle(Duration.ZERO))) {
            sandbox.eval("var list = []; for (var i = 0; i < 2000; i++) list.push({i: i});");
            assertThrows(FuelExhaustedException.class, () -> sandbox.eval("for (;;) { list.push(1); }"));
            assertEquals(2000, sandbox.eval("list.length >= 2000 ? 2000 : -1").value().asInt());
        }
    }

    /** A snapshot of a hibernating sandbox restores to the same state. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHibernatingSandboxSnapshotsAndResets(Engine engine) {
        SandboxConfig config = TestSandboxes.config(engine).hibernateWhenIdle(Duration.ZERO).build();
        try (Sandbox sandbox = Sandbox.create(config)) {
            sandbox.eval("var word = 'kept'; function say() { return word + '!'; }");
            byte[] snapshot = sandbox.snapshot();
            try (Sandbox copy = Sandbox.restore(snapshot, config)) {
                assertEquals("kept!", copy.eval("say()").value().asText());
            }
            sandbox.reset();
            assertEquals("undefined", sandbox.eval("typeof say").value().asText());
        }
    }
}
