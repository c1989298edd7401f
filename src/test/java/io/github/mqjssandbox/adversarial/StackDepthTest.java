package io.github.mqjssandbox.adversarial;

import static io.github.mqjssandbox.adversarial.Adversary.assertEvaluates;
import static io.github.mqjssandbox.adversarial.Adversary.assertFails;
import static io.github.mqjssandbox.adversarial.Adversary.assertJsError;
import static io.github.mqjssandbox.adversarial.Adversary.assertStillWorks;
import static io.github.mqjssandbox.adversarial.Adversary.nested;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.ErrorKind;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.FuelExhaustedException;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.MemoryLimitException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxException;
import io.github.mqjssandbox.SandboxInternalException;
import io.github.mqjssandbox.ScriptTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Depth as a weapon: deep recursion in JS and through native frames, deeply nested source
 * for the parser, deep JSON both ways. The answer is a typed error or the correct value,
 * never a StackOverflowError escaping, in every engine and on small caller stacks.
 */
class StackDepthTest {
    private static final long SMALL_STACK = 192 << 10;

    /**
     * The result is read on the calling thread, recursively: a script returning a value nested
     * 1000 deep (the reader's bound) made a thread with a small stack throw StackOverflowError
     * out of eval. Now it is a typed error, and the sandbox (untouched) goes on.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDeepResultReadOnASmallCallerStackIsATypedError(boolean onCallerThread) throws Exception {
        try (Sandbox warm = Adversary.open(Engine.AOT)) {
            // every class the result reader needs is loaded on a normal stack first
            warm.eval("[1, 'x', 1.5, true, null, {a: [2]}, 12345678901]");
        }
        String deep = "var kept = 'yes'; var v = 0; for (var i = 0; i < 1000; i++) v = [v]; v";
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<String> after = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try (Sandbox sandbox = Adversary.open(Engine.AOT, b -> b.evaluateOnCallerThread(onCallerThread))) {
                try {
                    sandbox.eval(deep);
                } catch (Throwable t) {
                    failure.set(t);
                }
                assertStillWorks(sandbox);
                after.set(sandbox.eval("kept").display());
            } catch (Throwable t) {
                after.set(t.toString());
            }
        }, "small-stack caller", SMALL_STACK);
        small.start();
        small.join();
        SandboxInternalException e = assertInstanceOf(SandboxInternalException.class, failure.get());
        assertEquals("the calling thread's stack is too small to read the result (it may nest 1000 deep);"
                + " the sandbox is unaffected", e.getMessage());
        assertInstanceOf(StackOverflowError.class, e.getCause());
        assertEquals("yes", after.get(), "the script's state is intact");
    }

    // ---- recursion ----

    static Stream<Arguments> jsRecursion() {
        return Adversary.everyEngine(
                "var down = function (n) { return down(n + 1) + 1; }; down(0)",
                "var a = function () { return b(); }, b = function () { return a(); }; a()",
                "var o = {get x() { return this.x; }}; o.x",
                "var o = {}; Object.defineProperty(o, 'x', {set: function (v) { this.x = v; }}); o.x = 1",
                "var f = function () { return f.call(null); }; f()",
                "var f = function () { return f.apply(null, [1, 2, 3]); }; f()",
                "var F = function () { return new F(); }; new F()");
    }

    /** The JS stack lives in the heap: unbounded recursion, through accessors and call/apply/new too, is a memory error. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jsRecursion")
    void deepJsRecursionIsAMemoryLimit(Engine engine, String script) {
        try (Sandbox sandbox = Adversary.open(engine, b -> b.memoryLimitBytes(64 << 10))) {
            assertFails(MemoryLimitException.class, sandbox, script);
        }
    }

    static Stream<Arguments> nativeRecursion() {
        return Adversary.everyEngine(
                "var o = {toString: function () { return String(o); }}; String(o)",
                "var o = {valueOf: function () { return o + 1; }}; o + 1",
                "var f = function () { return [1].map(f); }; f()",
                "var f = function () { return [1].forEach(f); }; f()",
                "var f = function () { return (1, eval)('f()'); }; f()",
                "var a = []; a[0] = a; a.join()",
                "var a = []; a[0] = a; String(a)",
                "var a = 0; for (var i = 0; i < 8; i++) a = [a]; String(a)",
                "var a = 0; for (var i = 0; i < 1000; i++) a = [a]; a.join()");
    }

    /** Native frames (builtins calling back into JS) are bounded by the engine: a typed InternalError, catchable. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("nativeRecursion")
    void recursionThroughNativeFramesIsACatchableInternalError(Engine engine, String script) {
        try (Sandbox sandbox = Adversary.open(engine, b -> b.memoryLimitBytes(1 << 20))) {
            JsException e = assertJsError(sandbox, script, "InternalError", "C stack overflow");
            assertEquals(ErrorKind.RUNTIME, e.kind());
            assertEquals(TextNode.valueOf("InternalError: C stack overflow"), assertEvaluates(sandbox,
                    "try { (function () { " + script + " })(); } catch (e) { e.name + ': ' + e.message }").value());
        }
    }

    /**
     * An error thrown 3000 calls deep has a short stack (the engine keeps 128 bytes of it).
     * Seven levels of nested arrays still print: the eighth is the native-frame bound above.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void errorsFromDeepRecursionCarryABoundedStack(Engine engine) {
        try (Sandbox sandbox = Adversary.open(engine)) {
            assertEquals(TextNode.valueOf("0"), assertEvaluates(sandbox,
                    "var a = 0; for (var i = 0; i < 7; i++) a = [a]; String(a)").value());
            JsException e = assertJsError(sandbox,
                    "function deep(n) { if (n === 0) throw new Error('deep'); return deep(n - 1); } deep(3000)",
                    "Error", "deep");
            List<String> frames = e.jsStack().lines().toList();
            assertTrue(e.jsStack().length() < 128 && frames.size() == 4, "the engine keeps 128 bytes of stack: " + e.jsStack());
            assertTrue(frames.stream().allMatch(frame -> frame.startsWith("    at deep (<eval>:1:")), e.jsStack());
        }
    }

    // ---- nested source ----

    /** A nesting shape, and what the parser answers at 1e3, 1e4 and 1e5 levels (null: it parses). */
    private record Shape(String name, String before, String open, String core, String close, String after,
            String at1e3, String at1e4, String at1e5) {
        String source(int depth) {
            return before + nested(open, core, close, depth) + after;
        }

        String expected(int depth) {
            return depth == 1_000 ? at1e3 : depth == 10_000 ? at1e4 : at1e5;
        }
    }

    private static final String OK = null;
    private static final Shape[] SHAPES = {
        new Shape("arrays", "var v = ", "[", "0", "]", "; 'parsed'", OK, OK, OK),
        new Shape("objects", "var v = ", "{a: ", "0", "}", "; 'parsed'", OK, OK, "stack overflow"),
        new Shape("parentheses", "var v = ", "(", "0", ")", "; 'parsed'", OK, OK, OK),
        new Shape("calls", "var f = function (x) { return x; }; var v = ", "f(", "0", ")", "; 'parsed'", OK, OK, "stack overflow"),
        new Shape("functions", "var v = ", "(function () { return ", "0", "; })()", "; 'parsed'",
                "too many nested blocks", "too many nested blocks", "too many nested blocks"),
        new Shape("blocks", "", "{", "", "}", " 'parsed'", OK, OK, OK),
        new Shape("try blocks", "", "try { ", "", " } finally {}", " 'parsed'", OK, OK, "stack overflow"),
        new Shape("unary operators", "var v = ", "!", "0", "", "; 'parsed'", OK, OK, OK),
        new Shape("regex groups", "var v = /", "(", "a", ")", "/; 'parsed'",
                "too many captures", "too many captures", "too many captures"),
        new Shape("regex non-capturing groups", "/", "(?:", "a", ")", "/.test('a') ? 'parsed' : 'no match'", OK, OK, OK),
    };

    /** 1e3 and 1e5 levels in the AOT engine, 1e4 in the compiler, 1e3 in the interpreter (~100x slower). */
    static Stream<Arguments> nestings() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Shape shape : SHAPES) {
            cases.add(Arguments.of(Engine.AOT, shape.name(), 1_000));
            cases.add(Arguments.of(Engine.AOT, shape.name(), 100_000));
            cases.add(Arguments.of(Engine.COMPILER, shape.name(), 10_000));
            cases.add(Arguments.of(Engine.INTERPRETER, shape.name(), 1_000));
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}: {1} x {2}")
    @MethodSource("nestings")
    void deeplyNestedSourceParsesOrIsASyntaxError(Engine engine, String shapeName, int depth) {
        Shape shape = Stream.of(SHAPES).filter(s -> s.name().equals(shapeName)).findFirst().orElseThrow();
        try (Sandbox sandbox = Adversary.open(engine, b -> b.maxSourceBytes(4 << 20))) {
            String source = shape.source(depth);
            String expected = shape.expected(depth);
            if (expected == null) {
                assertEquals(TextNode.valueOf("parsed"), assertEvaluates(sandbox, source).value());
            } else {
                JsException e = assertFails(JsException.class, sandbox, source);
                assertEquals(ErrorKind.SYNTAX, e.kind());
                assertEquals("SyntaxError", e.name());
                assertTrue(e.jsMessage().startsWith(expected), e::getMessage);
            }
        }
    }

    // ---- JSON ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deepJsonParsesOrIsASyntaxError(Engine engine) {
        int depth = engine == Engine.AOT ? 100_000 : engine == Engine.COMPILER ? 10_000 : 1_000;
        try (Sandbox sandbox = Adversary.open(engine)) {
            assertEquals(IntNode.valueOf(1), assertEvaluates(sandbox,
                    "var d = " + depth + "; JSON.parse('['.repeat(d) + ']'.repeat(d)).length").value());
            assertEquals(TextNode.valueOf("object"), assertEvaluates(sandbox,
                    "typeof JSON.parse('{\"a\":'.repeat(d) + '1' + '}'.repeat(d)).a").value());
            JsException unbalanced = assertJsError(sandbox, "JSON.parse('['.repeat(d))", "SyntaxError", "unexpected character");
            assertEquals(ErrorKind.RUNTIME, unbalanced.kind());
        }
    }

    /**
     * JSON.stringify checks for cycles along the whole path: quadratic in the depth, in a
     * builtin that never polls. A thousand levels give the right text; a structure nested
     * tens of thousands deep is stopped by the limits (hard, with a reset).
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void deepJsonStringifyIsCorrectOrStoppedByTheLimits(Engine engine) {
        try (Sandbox sandbox = Adversary.open(engine)) {
            assertEquals(IntNode.valueOf(2001), assertEvaluates(sandbox,
                    "var a = 0; for (var i = 0; i < 1000; i++) a = [a]; JSON.stringify(a).length").value());
        }
        try (Sandbox sandbox = Adversary.open(engine, b -> b.timeout(Duration.ofMillis(300)).hardStopGrace(Adversary.SHORT_GRACE))) {
            assertFails(ScriptTimeoutException.class, sandbox,
                    "JSON.stringify(JSON.parse('['.repeat(30000) + ']'.repeat(30000))).length");
        }
        if (engine != Engine.INTERPRETER) { // the metered interpreter is too slow for this much fuel
            // the parse takes about 1.6e7 units, the stringify far more than the rest
            try (Sandbox sandbox = Adversary.open(engine, b -> b.fuelLimit(30_000_000))) {
                FuelExhaustedException e = assertFails(FuelExhaustedException.class, sandbox,
                        "var deep = JSON.parse('['.repeat(10000) + ']'.repeat(10000)); JSON.stringify(deep).length");
                assertTrue(e.sandboxWasReset(), "stringify never polls: the metered code trapped");
            }
        }
    }

    /** The deepest result the host reads is 1000 levels; deeper ones have no JSON value, only a display. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void deepResultsAreReadUpToTheBoundAndNoFurther(Engine engine) {
        try (Sandbox sandbox = Adversary.open(engine)) {
            EvalResult deepest = assertEvaluates(sandbox, "var a = 0; for (var i = 0; i < 1000; i++) a = [a]; a");
            JsonNode node = deepest.value();
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, node.size());
                node = node.get(0);
            }
            assertEquals(IntNode.valueOf(0), node);
            EvalResult deeper = assertEvaluates(sandbox, "a = [a]; a");
            assertNull(deeper.value());
            assertEquals("[object Array]", deeper.display(), "String(a) overflows the native frames; the engine prints it");
            assertNull(assertEvaluates(sandbox, "var o = 0; for (var i = 0; i < 1001; i++) o = {o: o}; o").value());
        }
    }

    // ---- small caller stacks ----

    static Stream<Arguments> smallStackScripts() {
        List<Arguments> cases = new ArrayList<>();
        for (Engine engine : new Engine[] {Engine.AOT, Engine.COMPILER}) {
            cases.add(Arguments.of(engine, "var v = " + nested("[", "0", "]", 30_000) + "; 'parsed'"));
            cases.add(Arguments.of(engine, "var v = " + nested("{a: ", "0", "}", 10_000) + "; 'parsed'"));
            cases.add(Arguments.of(engine, "JSON.parse('['.repeat(3e4) + ']'.repeat(3e4)).length"));
            cases.add(Arguments.of(engine, "var f = function () { return [1].map(f); }; f()"));
            cases.add(Arguments.of(engine, "var down = function (n) { return down(n + 1) + 1; }; down(0)"));
        }
        return cases.stream();
    }

    /** On the caller's own thread, with a small stack: a value or a typed error, never a StackOverflowError. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("smallStackScripts")
    void onASmallCallerStackEveryAnswerIsTyped(Engine engine, String script) throws Exception {
        try (Sandbox warm = Adversary.open(engine)) {
            warm.eval("[1, 'x', 1.5, true, null, {a: [2]}, 12345678901]");
        }
        AtomicReference<Throwable> escaped = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try (Sandbox sandbox = Adversary.open(engine, b -> b
                    .evaluateOnCallerThread(true).maxSourceBytes(4 << 20).memoryLimitBytes(1 << 20))) {
                try {
                    sandbox.eval(script);
                } catch (SandboxException typed) {
                    // a typed answer is fine
                }
                assertStillWorks(sandbox);
            } catch (Throwable t) {
                escaped.set(t);
            }
        }, "small-stack caller", SMALL_STACK);
        small.start();
        small.join();
        assertNull(escaped.get(), () -> "escaped: " + escaped.get());
    }
}
