package io.github.mqjssandbox.adversarial;

import static io.github.mqjssandbox.adversarial.Adversary.assertEvaluates;
import static io.github.mqjssandbox.adversarial.Adversary.assertFails;
import static io.github.mqjssandbox.adversarial.Adversary.assertJsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.ErrorKind;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.FuelExhaustedException;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.OutputLimitException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.ScriptTimeoutException;
import io.github.mqjssandbox.internal.JsonTrees;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a script can make the host print, and what its errors can make the host read:
 * output floods, enormous and hostile error values, final values whose conversion fails,
 * and huge argument lists.
 */
class OutputAndErrorsTest {
    private static final int OUTPUT_LIMIT = 1000;

    static Stream<Arguments> floods() {
        return Adversary.everyEngine(
                "for (;;) print('0123456789');",
                "for (;;) { try { console.log('0123456789'); } catch (e) {} }",
                "var s = '0123456789'; for (var i = 0; i < 12; i++) s += s; print(s)",
                "print.apply(null, '0123456789,'.repeat(200).split(','))",
                "var s = '0123456789'; for (;;) { try { print(s); } catch (e) {} s += s; }");
    }

    /** Whatever the flood, the output holds exactly the bytes up to the limit, and the next evaluation starts afresh. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("floods")
    void outputFloodsStopAtTheLimitWithTheOutputUpToIt(Engine engine, String script) {
        StringBuilder streamed = new StringBuilder();
        try (Sandbox sandbox = Adversary.open(engine, b -> b.maxOutputBytes(OUTPUT_LIMIT).outputListener(streamed::append))) {
            OutputLimitException e = assertFails(OutputLimitException.class, sandbox, script);
            assertEquals(OUTPUT_LIMIT, e.limit());
            assertEquals("output: limit 1000 bytes reached", e.getMessage());
            assertEquals(OUTPUT_LIMIT, e.output().length());
            assertTrue(e.output().matches("[0-9\\n ]{1000}"), e::output);
            assertEquals(e.output(), streamed.toString(), "the listener saw exactly the kept output");
            assertEquals("fresh\n", sandbox.eval("print('fresh')").output());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void outputIsCutAtTheByteLimitEvenInsideACharacterAndZeroMeansNone(Engine engine) {
        try (Sandbox sandbox = Adversary.open(engine, b -> b.maxOutputBytes(5))) {
            OutputLimitException e = assertFails(OutputLimitException.class, sandbox, "print('\u00e9\u00e9\u00e9')");
            assertEquals("\u00e9\u00e9\ufffd", e.output(), "two characters and the first byte of the third");
        }
        try (Sandbox silent = Adversary.open(engine, b -> b.maxOutputBytes(0))) {
            assertEquals("", assertFails(OutputLimitException.class, silent, "print('')").output());
            assertEquals("", assertEvaluates(silent, "var quiet = 1").output());
        }
    }

    /** Printing cyclic or very deep structures shows one level; it neither hangs nor overflows. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void printingCyclicAndDeepStructuresShowsOneLevel(Engine engine) {
        try (Sandbox sandbox = Adversary.open(engine)) {
            assertEquals("{ o: [object Object] }\n[ [object Array] ] [ [object Array] ]\n[ [object Array] ]\n",
                    assertEvaluates(sandbox, "var o = {}; o.o = o; print(o); var a = []; a[0] = a; console.log(a, a);"
                            + " var d = 0; for (var i = 0; i < 1000; i++) d = [d]; print(d)").output());
        }
    }

    // ---- errors ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void enormousErrorValuesArriveWhole(Engine engine) {
        int doublings = engine == Engine.INTERPRETER ? 18 : 22; // 256 Ki or 4 Mi characters
        int length = 1 << doublings;
        try (Sandbox sandbox = Adversary.open(engine)) {
            JsException error = assertJsError(sandbox,
                    "var big = 'x'; for (var i = 0; i < " + doublings + "; i++) big += big; throw new Error(big)",
                    "Error", "x".repeat(length));
            assertTrue(error.getMessage().startsWith("Error: xxxx"));
            JsException string = assertFails(JsException.class, sandbox, "throw big + big");
            assertNull(string.name());
            assertEquals(2 * length, string.jsMessage().length());
            JsException name = assertJsError(sandbox,
                    "var e = new RangeError('m'); Object.defineProperty(e, 'name', {value: 'N'.repeat(100000)}); throw e",
                    "N".repeat(100_000), "m");
            assertEquals(ErrorKind.RUNTIME, name.kind());
        }
    }

    static Stream<Arguments> nonErrors() {
        Stream.Builder<Arguments> cases = Stream.builder();
        String[][] thrown = {
            {"throw 42", "42"},
            {"throw -0.5", "-0.5"},
            {"throw true", "true"},
            {"throw null", "null"},
            {"throw undefined", "undefined"},
            {"throw 'text'", "text"},
            {"throw ''", ""},
            {"throw [1, [2, 3]]", "1,2,3"},
            {"throw {a: 1}", "[object Object]"},
            {"throw {toString: function () { return 'custom'; }}", "custom"},
            {"throw {toString: function () { throw new Error('inner'); }}", ""},
            {"throw Object.create(null)", ""},
            {"throw Object.create(Error.prototype)", ""},
            {"throw function named() {}", "function named() {\n    [native code]\n}"},
            {"throw Math", "[object Object]"},
        };
        for (Engine engine : Engine.values()) {
            for (String[] c : thrown) {
                cases.add(Arguments.of(engine, c[0], c[1]));
            }
        }
        return cases.build();
    }

    /** Any value can be thrown; the host gets its String() (or "" when even that throws), no name and no position. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("nonErrors")
    void thrownValuesThatAreNotErrors(Engine engine, String script, String message) {
        try (Sandbox sandbox = Adversary.open(engine)) {
            JsException e = assertFails(JsException.class, sandbox, script);
            assertEquals(ErrorKind.RUNTIME, e.kind());
            assertNull(e.name());
            assertEquals(message, e.jsMessage());
            assertTrue(e.line().isEmpty());
            assertEquals("uncaught " + message, e.getMessage());
        }
    }

    /**
     * The host reads an error's message from the engine, not through a getter, and its name
     * through a getter: one that throws leaves the name out, one that loops is stopped by
     * the limits, which cover the reporting too.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void errorsWithHostileGettersAreReportedOrStopped(Engine engine) {
        try (Sandbox sandbox = Adversary.timed(engine)) {
            JsException throwingName = assertFails(JsException.class, sandbox,
                    "var e = new TypeError('real'); Object.defineProperty(e, 'name', {get: function () { throw new Error('no'); }}); throw e");
            assertNull(throwingName.name());
            assertEquals("real", throwingName.jsMessage());
            assertJsError(sandbox,
                    "var e = new TypeError('real'); Object.defineProperty(e, 'message', {get: function () { throw new Error('no'); }}); throw e",
                    "TypeError", "real");
            assertJsError(sandbox,
                    "var e = new TypeError('real'); Object.defineProperty(e, 'message', {get: function () { for (;;) {} }}); throw e",
                    "TypeError", "real");
            assertFails(ScriptTimeoutException.class, sandbox,
                    "var e = new Error('m'); Object.defineProperty(e, 'name', {get: function () { for (;;) {} }}); throw e");
            assertFails(ScriptTimeoutException.class, sandbox, "throw {toString: function () { for (;;) {} }}");
        }
        try (Sandbox sandbox = Adversary.open(engine, b -> b.fuelLimit(1_000_000))) {
            assertFails(FuelExhaustedException.class, sandbox,
                    "var e = new Error('m'); Object.defineProperty(e, 'name', {get: function () { for (;;) {} }}); throw e");
            assertFails(FuelExhaustedException.class, sandbox, "throw {toString: function () { for (;;) {} }}");
        }
    }

    /** The final value is rendered by JSON.stringify and String(): when they throw, the engine's own rendering stands in. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void finalValuesWhoseRenderingFailsStillGiveAResult(Engine engine) throws Exception {
        try (Sandbox sandbox = Adversary.timed(engine)) {
            EvalResult throwingToString = assertEvaluates(sandbox, "({toString: function () { throw new Error('no'); }})");
            assertEquals(JsonTrees.parse("{\"toString\": null}"), throwingToString.value());
            assertEquals("[object Object]", throwingToString.display());
            EvalResult throwingGetter = assertEvaluates(sandbox, "({get a() { throw new Error('no'); }})");
            assertNull(throwingGetter.value());
            assertEquals("[object Object]", throwingGetter.display());
            EvalResult noPrototype = assertEvaluates(sandbox, "var bare = Object.create(null); bare.k = 1; bare");
            assertEquals(JsonTrees.parse("{\"k\": 1}"), noPrototype.value());
            assertEquals("[object Object]", noPrototype.display());
            EvalResult cyclic = assertEvaluates(sandbox, "var c = {}; c.self = c; c");
            assertNull(cyclic.value());
            assertEquals("[object Object]", cyclic.display());
            assertFails(ScriptTimeoutException.class, sandbox, "({toString: function () { for (;;) {} }})");
            assertFails(ScriptTimeoutException.class, sandbox, "({get a() { for (;;) {} }})");
        }
    }

    /** At most 65,535 arguments per call, however the call is made. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void hugeArgumentListsAreATypeError(Engine engine) {
        try (Sandbox sandbox = Adversary.open(engine)) {
            assertEquals(IntNode.valueOf(65535), assertEvaluates(sandbox,
                    "var count = function () { return arguments.length; }; count.apply(null, new Array(65535))").value());
            for (String call : new String[] {
                "count.apply(null, new Array(65536))",
                "Math.max.apply(null, new Array(1000000))",
                "String.fromCharCode.apply(null, new Array(100000))",
                "Function.prototype.bind.apply(count, new Array(100000))",
                "print.apply(null, new Array(100000))",
            }) {
                assertJsError(sandbox, call, "TypeError", "too many call arguments");
            }
            assertJsError(sandbox, "count.apply(null, {length: 1e9})", "TypeError", "not an array");
        }
    }
}
