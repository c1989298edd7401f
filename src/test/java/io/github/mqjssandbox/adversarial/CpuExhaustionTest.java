package io.github.mqjssandbox.adversarial;

import static io.github.mqjssandbox.adversarial.Adversary.assertEvaluates;
import static io.github.mqjssandbox.adversarial.Adversary.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.FuelExhaustedException;
import io.github.mqjssandbox.LimitExceededException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.ScriptTimeoutException;
import io.github.mqjssandbox.internal.JsonTrees;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripts that never end, in every position where a script's code can run: loops, recursion,
 * accessors, implicit conversions, callbacks of builtins, the regex engine, eval. Each is
 * stopped by the wall-clock timeout and, separately, by fuel, in every engine; each is
 * wrapped in a try/catch that would swallow any catchable error, so a stop that the script
 * could catch would show up as a result.
 */
class CpuExhaustionTest {
    private static final long FUEL = 1_000_000;
    private static final String EVIL = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab";

    private static final String[] RUNAWAYS = {
        "for (;;) {}",
        "var n = 0; while (true) { try { if (++n > 3) break; } finally { continue; } }",
        "var spin = function () { for (;;) {} }; spin()",
        "var fork = function (n) { return n <= 0 ? 0 : fork(n - 1) + fork(n - 1); }; fork(200)",
        "var again = function () { try { again(); } catch (e) { again(); } }; again()",
        "var o = {get x() { for (;;) {} }}; o.x",
        "var o = {set x(v) { for (;;) {} }}; o.x = 1",
        "var o = {valueOf: function () { for (;;) {} }}; o + 1",
        "var o = {valueOf: function () { for (;;) {} }}; o < 1",
        "String({toString: function () { for (;;) {} }})",
        "var key = {toString: function () { for (;;) {} }}; var t = {}; t[key] = 1",
        "[{toString: function () { for (;;) {} }}].join()",
        "[3, 1, 2].sort(function () { for (;;) {} })",
        "'aaa'.replace(/a/g, function () { for (;;) {} })",
        "'aaa'.replace('a', function () { for (;;) {} })",
        "[1, 2].map(function () { for (;;) {} })",
        "[1, 2].forEach(function () { for (;;) {} })",
        "[1, 2].reduce(function () { for (;;) {} })",
        "/(a+)+$/.test('" + EVIL + "')",
        "'" + EVIL + "'.replace(/(a+)+$/, 'x')",
        "(1, eval)('for (;;) {}')",
        "Function('for (;;) {}')()",
        "try { for (;;) {} } finally { for (;;) {} }",
    };

    static Stream<Arguments> runaways() {
        return Adversary.everyEngine(RUNAWAYS);
    }

    /**
     * The script gets no chance to catch the stop: it never reaches 'escaped'. (A function
     * declaration in a block is a syntax error in this engine: the runaways use expressions.)
     */
    private static String swallowing(String script) {
        return "try { " + script + "; } catch (e) {} 'escaped'";
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("runaways")
    void theTimeoutStopsEveryRunaway(Engine engine, String script) {
        try (Sandbox sandbox = Adversary.timed(engine)) {
            ScriptTimeoutException e = assertFails(ScriptTimeoutException.class, sandbox, swallowing(script));
            assertEquals(Adversary.SHORT_TIMEOUT.toMillis(), e.limit());
            assertEquals("timeout: limit 100 ms reached", e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("runaways")
    void fuelStopsEveryRunaway(Engine engine, String script) {
        try (Sandbox sandbox = Adversary.open(engine, b -> b.fuelLimit(FUEL))) {
            FuelExhaustedException e = assertFails(FuelExhaustedException.class, sandbox, swallowing(script));
            assertEquals(FUEL, e.limit());
            assertTrue(e.fuelUsed().getAsLong() > FUEL, e::getMessage);
        }
    }

    /**
     * Chained assignment costs the parser quadratic time (200 KB of source take 15 s in the
     * native build) and the parser never polls: the hard stop (thread interrupt) ends it,
     * and the fuel trap does, each replacing the instance.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aQuadraticParseIsStoppedHardAndTheSandboxReset(Engine engine) {
        String source = "var a; " + "a = ".repeat(100_000) + "1";
        try (Sandbox sandbox = Adversary.timed(engine)) {
            sandbox.eval("var survivor = 1");
            ScriptTimeoutException e = assertFails(ScriptTimeoutException.class, sandbox, source);
            assertTrue(e.sandboxWasReset(), "the parser does not poll: only the hard stop ends it");
            assertEquals("undefined", sandbox.eval("typeof survivor").display());
        }
        try (Sandbox sandbox = Adversary.open(engine, b -> b.fuelLimit(FUEL))) {
            FuelExhaustedException e = assertFails(FuelExhaustedException.class, sandbox, source);
            assertTrue(e.sandboxWasReset(), "the metered code traps once the reserve is spent too");
        }
    }

    /** The engine has no JSON.parse reviver, stringify replacer or toJSON: none of them is ever called. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void jsonCallbacksAreNeverCalledSoTheyAreNoAttackVector(Engine engine) throws Exception {
        try (Sandbox sandbox = Adversary.timed(engine)) {
            assertEquals(JsonTrees.parse("[0, \"[1,[2,{\\\"a\\\":3}]]\"]"), assertEvaluates(sandbox,
                    "var calls = 0; var v = JSON.parse('[1,[2,{\"a\":3}]]', function (k, v) { calls++; for (;;) {} });"
                            + " [calls, JSON.stringify(v)]").value());
            assertEquals(TextNode.valueOf("{\"a\":1,\"toJSON\":null}"), assertEvaluates(sandbox,
                    "JSON.stringify({a: 1, toJSON: function () { for (;;) {} }}, function () { for (;;) {} })").value());
        }
    }

    /**
     * The sort comparator and the replace callback swallow every exception of the callback,
     * the engine's uncatchable stop included (an engine bug), so the script runs on past the
     * stop until the next interrupt poll. Nothing it does then reaches the host: host
     * functions are not called and output is dropped, and the limit is still reported.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("swallowedStops")
    void afterAStopTheScriptSwallowedNothingReachesTheHost(Engine engine, String limit) {
        AtomicInteger effects = new AtomicInteger();
        StringBuilder streamed = new StringBuilder();
        try (Sandbox sandbox = Adversary.open(engine, b -> {
            b.hostFunction("effect", args -> {
                effects.incrementAndGet();
                return null;
            }).outputListener(streamed::append);
            if (limit.equals("fuel")) {
                b.fuelLimit(FUEL);
            } else {
                // the interpreter must reach its first print before the deadline, even cold
                b.timeout(Duration.ofMillis(engine == Engine.INTERPRETER ? 1000 : 300)).hardStopGrace(Duration.ofSeconds(10));
            }
        })) {
            Class<? extends LimitExceededException> expected =
                    limit.equals("fuel") ? FuelExhaustedException.class : ScriptTimeoutException.class;
            for (String swallower : new String[] {"[3, 2, 1].sort(function () { for (;;) {} })",
                    "'abc'.replace(/b/, function () { for (;;) {} })"}) {
                LimitExceededException e = assertFails(expected, sandbox,
                        "print('before'); " + swallower + "; print('after'); effect(); effect(); 'finished'");
                assertEquals("before\n", e.output());
                assertEquals(0, effects.get(), "no host function runs once the script is being stopped");
                assertEquals("before\n", streamed.toString());
                streamed.setLength(0);
            }
        }
    }

    static Stream<Arguments> swallowedStops() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Engine engine : Engine.values()) {
            cases.add(Arguments.of(engine, "timeout"));
            cases.add(Arguments.of(engine, "fuel"));
        }
        return cases.build();
    }
}
