package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The deterministic CPU limit: every runaway shape stops with a fuel error, in every engine. */
class FuelTest {
    private static final long LIMIT = 1_000_000;
    private static final String SUM_LOOP = "var s = 0; for (var i = 0; i < 300; i++) s += i; s";

    private static Sandbox metered(Engine engine, long limit) {
        return TestSandboxes.open(engine, b -> b.fuelLimit(limit).memoryLimitBytes(32 << 20));
    }

    static Stream<Arguments> runaways() {
        String[] scripts = {
            "for (;;) {}",
            "for (;;) { try { for (;;) {} } catch (e) {} }",
            "for (;;) { try { } finally { for (;;) {} } }",
            "var o = {}; Object.defineProperty(o, 'x', {get: function () { for (;;) {} }}); try { o.x; } catch (e) {} 'end'",
            "try { [5, 3, 1, 4].sort(function (a, b) { for (;;) {} }); } catch (e) {} 'end'",
            "/(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab')",
            "function deeper(n) { return deeper(n + 1) + 1; } deeper(0)",
            "var a = []; for (var i = 0; i < 1e9; i++) a.push(i % 7); a.length",
        };
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Engine engine : Engine.values()) {
            for (String script : scripts) {
                cases.add(Arguments.of(engine, script));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("runaways")
    void runawayScriptsStopWithAFuelErrorAndTheSandboxStaysUsable(Engine engine, String script) {
        try (Sandbox sandbox = metered(engine, LIMIT)) {
            FuelExhaustedException e = assertThrows(FuelExhaustedException.class, () -> sandbox.eval(script));
            assertEquals(ErrorKind.FUEL, e.kind());
            assertEquals(LIMIT, e.limit());
            assertTrue(e.fuelUsed().getAsLong() > LIMIT, e.getMessage());
            assertTrue(e.getMessage().startsWith("fuel: limit 1000000 units reached ("), e.getMessage());
            assertEquals(IntNode.valueOf(44850), sandbox.eval(SUM_LOOP).value(), "usable afterwards");
        }
    }

    /** A builtin that never polls runs into the reserve; the metered code then traps and the instance is replaced. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLongBuiltinIsStoppedByTheSecondStageAndTheSandboxReset(Engine engine) {
        try (Sandbox sandbox = metered(engine, LIMIT)) {
            sandbox.eval("var remembered = 1;");
            FuelExhaustedException e = assertThrows(FuelExhaustedException.class,
                    () -> sandbox.eval("new Array(3000000).join('ab').length"));
            assertTrue(e.sandboxWasReset());
            assertTrue(e.fuelUsed().getAsLong() > LIMIT + FuelBudget.BASE_RESERVE, e.getMessage());
            assertEquals("undefined", sandbox.eval("typeof remembered").display());
            assertEquals(IntNode.valueOf(44850), sandbox.eval(SUM_LOOP).value());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void exhaustionIsExactlyAtTheBoundary(Engine engine) {
        long needed;
        try (Sandbox probe = metered(engine, 50_000_000)) {
            needed = probe.eval(SUM_LOOP).fuelUsed().getAsLong();
        }
        try (Sandbox exact = metered(engine, needed)) {
            EvalResult r = exact.eval(SUM_LOOP);
            assertEquals(needed, r.fuelUsed().getAsLong());
            assertEquals(IntNode.valueOf(44850), r.value());
        }
        try (Sandbox short1 = metered(engine, needed - 1)) {
            FuelExhaustedException e = assertThrows(FuelExhaustedException.class, () -> short1.eval(SUM_LOOP));
            assertEquals(needed, e.fuelUsed().getAsLong(), "it finished, one unit over its budget");
            assertFalse(e.sandboxWasReset());
        }
    }

    @Test
    void fuelUsedIsIdenticalAcrossEnginesRunsAndResets() {
        String script = "var words = []; for (var i = 0; i < 50; i++) words.push('w' + i * 7);"
                + " JSON.stringify(words.sort()).replace(/w(\\d)/g, 'W$1').length";
        Map<Engine, Long> byEngine = new EnumMap<>(Engine.class);
        for (Engine engine : Engine.values()) {
            try (Sandbox sandbox = metered(engine, 100_000_000)) {
                long first = sandbox.eval(script).fuelUsed().getAsLong();
                sandbox.reset();
                assertEquals(first, sandbox.eval(script).fuelUsed().getAsLong(), engine + ": after a reset");
                try (Sandbox fresh = metered(engine, 100_000_000)) {
                    assertEquals(first, fresh.eval(script).fuelUsed().getAsLong(), engine + ": in a fresh sandbox");
                }
                byEngine.put(engine, first);
            }
        }
        assertEquals(1, byEngine.values().stream().distinct().count(), "identical in every engine: " + byEngine);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyResultAndErrorCarriesFuelUsedWhenMetered(Engine engine) {
        try (Sandbox sandbox = metered(engine, 100_000_000)) {
            assertTrue(sandbox.eval("1 + 2").fuelUsed().getAsLong() > 0);
            JsException syntax = assertThrows(JsException.class, () -> sandbox.eval("var = ;"));
            assertTrue(syntax.fuelUsed().getAsLong() > 0);
            JsException runtime = assertThrows(JsException.class, () -> sandbox.eval("null.x"));
            assertTrue(runtime.fuelUsed().getAsLong() > 0);
        }
        try (Sandbox unmetered = TestSandboxes.open(engine)) {
            assertTrue(unmetered.eval("1 + 2").fuelUsed().isEmpty());
        }
    }
}
