package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.mqjssandbox.internal.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Snapshots carry a sandbox's whole script state to another sandbox; bad ones are refused whole. */
class SnapshotTest {
    private static final int HEAP = 16 << 20;
    /** Globals, a closure over private state, a modified prototype, an object graph with a cycle. */
    private static final String STATE = "var counter = 40;\n"
            + "var next = (function () { var n = 0; return function () { n += 1; return n; }; })();\n"
            + "next(); next();\n"
            + "String.prototype.shout = function () { return this.toUpperCase() + '!'; };\n"
            + "function Point(x, y) { this.x = x; this.y = y; }\n"
            + "Point.prototype.norm1 = function () { return Math.abs(this.x) + Math.abs(this.y); };\n"
            + "var p = new Point(3, -4); var ring = {name: 'ring'}; ring.self = ring;\n"
            + "var big = []; for (var i = 0; i < 2000; i++) big.push('item ' + i);\n";
    private static final String PROBE = "JSON.stringify([counter++, next(), 'hi'.shout(), p.norm1(), p instanceof Point, "
            + "ring.self.self.name, big.length, big[1999], Math.random()])";

    static SandboxConfig.Builder config(Engine engine) {
        return TestSandboxes.config(engine).memoryLimitBytes(HEAP)
                .hostFunction("greet", args -> TextNode.valueOf("hello " + args.get(0).asText()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRestoredSandboxContinuesExactlyWhereTheOriginalStands(Engine engine) throws Exception {
        byte[] snapshot;
        String expected;
        try (Sandbox original = Sandbox.create(config(engine).build())) {
            original.eval(STATE);
            original.eval("var viaHost = greet('snap');");
            snapshot = original.snapshot();
            expected = original.eval(PROBE).display(); // what the original does next, Math.random included
            assertEquals("41", original.eval("counter").display(), "the original stays usable after snapshot()");
        }
        try (Sandbox restored = Sandbox.restore(snapshot, config(engine).build())) {
            assertEquals(expected, restored.eval(PROBE).display());
            assertEquals(TextNode.valueOf("hello snap|hello again"),
                    restored.eval("viaHost + '|' + greet('again')").value(), "host function bindings survive");
        }
    }

    @Test
    void aSnapshotContinuesInAnotherJvm(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.snapshot");
        String expected;
        try (Sandbox original = Sandbox.create(config(Engine.AOT).build())) {
            original.eval(STATE);
            Files.write(file, original.snapshot());
            expected = original.eval(PROBE).display();
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SnapshotChildJvm.class.getName(), file.toString(), PROBE)
                .redirectErrorStream(true).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), printed);
        assertEquals(0, child.exitValue(), printed);
        assertEquals(expected + "\n", printed);
    }

    @Test
    void aSnapshotIsAboutTheLiveStateNotTheLimit() {
        try (Sandbox sandbox = Sandbox.create(config(Engine.AOT).build())) {
            byte[] empty = sandbox.snapshot();
            sandbox.eval("var garbage; for (var i = 0; i < 20000; i++) garbage = 'temporary ' + i + [i, i, i].join();");
            byte[] afterGarbage = sandbox.snapshot();
            sandbox.eval("var kept = []; for (var i = 0; i < 20000; i++) kept.push('kept ' + i);");
            byte[] withState = sandbox.snapshot();
            assertTrue(empty.length < 600 << 10, "a fresh 16 MiB sandbox snapshots to " + empty.length + " bytes");
            assertTrue(afterGarbage.length < empty.length + (64 << 10), "garbage is not kept: " + afterGarbage.length);
            assertTrue(withState.length > empty.length + (200 << 10), "live state is: " + withState.length);
        }
    }

    @Test
    void snapshotsMoveBetweenEnginesAndBetweenPlainAndFuelMetered() {
        byte[] snapshot;
        try (Sandbox aot = Sandbox.create(config(Engine.AOT).build())) {
            aot.eval(STATE);
            snapshot = aot.snapshot();
        }
        try (Sandbox interpreted = Sandbox.restore(snapshot, config(Engine.INTERPRETER).build());
                Sandbox metered = Sandbox.restore(snapshot, config(Engine.AOT).fuelLimit(100_000_000).build())) {
            assertEquals(interpreted.eval(PROBE).display(), metered.eval(PROBE).display());
            assertTrue(metered.eval("1").fuelUsed().orElseThrow() > 0);
        }
    }

    @Test
    void aResetAfterRestoreGivesAFreshContext() {
        byte[] snapshot;
        try (Sandbox sandbox = Sandbox.create(config(Engine.AOT).build())) {
            sandbox.eval(STATE);
            snapshot = sandbox.snapshot();
        }
        try (Sandbox restored = Sandbox.restore(snapshot, config(Engine.AOT).build())) {
            restored.reset();
            assertEquals("undefined", restored.eval("typeof counter").display());
            assertEquals("hello x", restored.eval("greet('x')").display());
        }
    }

    @Test
    void extraHostFunctionsOfTheNewConfigurationAreAdded() {
        byte[] snapshot;
        try (Sandbox sandbox = Sandbox.create(config(Engine.AOT).build())) {
            snapshot = sandbox.snapshot();
        }
        SandboxConfig more = config(Engine.AOT).hostFunction("twice", args -> JsonTrees.nodes().numberNode(args.get(0).asInt() * 2))
                .build();
        try (Sandbox restored = Sandbox.restore(snapshot, more)) {
            assertEquals("hello 42", restored.eval("greet(twice(21))").display());
        }
    }

    @Test
    void badSnapshotsAreRefusedWithTheirProblem() throws Exception {
        byte[] good;
        try (Sandbox sandbox = Sandbox.create(config(Engine.AOT).build())) {
            sandbox.eval(STATE);
            good = sandbox.snapshot();
        }
        SandboxConfig config = config(Engine.AOT).build();

        assertProblem(SnapshotException.Problem.TRUNCATED, Arrays.copyOf(good, good.length - 1000), config);
        assertProblem(SnapshotException.Problem.TRUNCATED, Arrays.copyOf(good, 20), config);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 1;
        assertProblem(SnapshotException.Problem.CORRUPT, flipped, config);
        assertProblem(SnapshotException.Problem.CORRUPT, "not a snapshot at all".getBytes(), config);
        assertProblem(SnapshotException.Problem.FOREIGN_MODULE, withModuleHash(good, new byte[32]), config);
        assertProblem(SnapshotException.Problem.OVERSIZED, new byte[64 << 20], config);
        assertProblem(SnapshotException.Problem.INCOMPATIBLE_CONFIG, good,
                config(Engine.AOT).memoryLimitBytes(8 << 20).build());
        assertProblem(SnapshotException.Problem.INCOMPATIBLE_CONFIG, good,
                TestSandboxes.config(Engine.AOT).memoryLimitBytes(HEAP).build()); // lacks greet

        try (Sandbox fine = Sandbox.restore(good, config)) {
            assertEquals("40", fine.eval("counter").display(), "the good bytes still restore");
        }
    }

    private static void assertProblem(SnapshotException.Problem problem, byte[] bytes, SandboxConfig config) {
        SnapshotException e = assertThrows(SnapshotException.class, () -> Sandbox.restore(bytes, config).close());
        assertEquals(problem, e.problem(), e.getMessage());
        assertEquals(ErrorKind.INTERNAL, e.kind());
    }

    /** The same snapshot as if taken with another module: new module hash, valid checksum. */
    private static byte[] withModuleHash(byte[] snapshot, byte[] moduleHash) throws Exception {
        byte[] changed = snapshot.clone();
        System.arraycopy(moduleHash, 0, changed, 10, 32); // after "MQJSSNAP" and the u16 version
        int body = changed.length - 32;
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(changed, 0, body);
        System.arraycopy(digest.digest(), 0, changed, body, 32);
        return changed;
    }
}
