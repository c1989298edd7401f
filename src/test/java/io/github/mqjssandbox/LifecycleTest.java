package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sandboxes start as copies of a template context and reset in place: nothing one sandbox does
 * reaches the template, another sandbox, or itself after a reset.
 */
class LifecycleTest {
    private static final String POLLUTE = "Object.prototype.polluted = 1; Array.prototype.push = null;"
            + " Math.max = function () { return 'hijacked'; }; JSON.stringify = null; var leaked = 'x';";
    private static final String PROBE = "[typeof ({}).polluted, typeof [].push, Math.max(1, 2),"
            + " typeof JSON.stringify, typeof leaked].join()";
    private static final String CLEAN = "undefined,function,2,function,undefined";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aNewSandboxNeverSeesWhatAnotherDid(Engine engine) {
        try (Sandbox first = TestSandboxes.open(engine)) {
            first.eval(POLLUTE);
            for (int i = 0; i < 3; i++) {
                try (Sandbox next = TestSandboxes.open(engine)) {
                    assertEquals(CLEAN, next.eval(PROBE).value().asText());
                    next.eval(POLLUTE);
                }
            }
            assertEquals("number,object,hijacked,object,string", first.eval(PROBE).value().asText());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void resetInPlaceIsAFreshContextEveryTime(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine,
                b -> b.hostFunction("twice", args -> IntNode.valueOf(args.get(0).asInt() * 2)))) {
            String firstRandom = sandbox.eval("Math.random()").display();
            for (int round = 0; round < 3; round++) {
                sandbox.eval("var big = []; for (var i = 0; i < 500; i++) big.push('s' + i); " + POLLUTE);
                sandbox.reset();
                assertEquals(CLEAN, sandbox.eval(PROBE).value().asText(), "round " + round);
                assertEquals(42, sandbox.eval("twice(21)").value().asInt(), "host functions are defined again");
                assertEquals(firstRandom, sandbox.eval("Math.random()").display(), "the seed starts over");
                sandbox.reset();
            }
        }
    }

    /** Templates are per memory limit: each sandbox keeps its own limit, whatever was made before. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void eachMemoryLimitHoldsAfterCreateAndReset(Engine engine) {
        String grow = "var a = []; for (var i = 0; i < 10; i++) a.push('x'.repeat(40000) + i); a.length";
        try (Sandbox small = TestSandboxes.open(engine, b -> b.memoryLimitBytes(256 << 10));
                Sandbox large = TestSandboxes.open(engine, b -> b.memoryLimitBytes(32 << 20))) {
            assertThrows(MemoryLimitException.class, () -> small.eval(grow));
            assertEquals(10, large.eval(grow).value().asInt());
            small.reset();
            large.reset();
            assertThrows(MemoryLimitException.class, () -> small.eval(grow));
            assertEquals(10, large.eval(grow).value().asInt());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sandboxesWithoutASeedDrawDifferentNumbers(Engine engine) {
        SandboxConfig config = SandboxConfig.builder().engine(engine).build();
        try (Sandbox a = Sandbox.create(config); Sandbox b = Sandbox.create(config)) {
            assertNotEquals(a.eval("Math.random()").display(), b.eval("Math.random()").display());
        }
    }

    /** prepare() makes ahead what the first create would; sandboxes made after it are the same fresh contexts. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void prepareAheadThenCreate(Engine engine) {
        SandboxConfig config = TestSandboxes.config(engine).memoryLimitBytes(3 << 20).build();
        Sandbox.prepare(config);
        Sandbox.prepare(config); // again: nothing more to do
        try (Sandbox first = Sandbox.create(config); Sandbox second = Sandbox.create(config)) {
            first.eval(POLLUTE);
            assertEquals(CLEAN, second.eval(PROBE).value().asText());
            assertEquals(3 << 20, first.config().memoryLimitBytes());
        }
    }
}
