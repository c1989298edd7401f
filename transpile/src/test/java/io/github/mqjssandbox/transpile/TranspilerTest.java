package io.github.mqjssandbox.transpile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.Sandbox;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TranspilerTest {
    private static final Transpiler TRANSPILER = Transpiler.create();

    @Test
    void theEs5CodeRunsInAPlainSandbox() {
        String modern = String.join("\n",
                "class Point {",
                "  constructor(x, y) { this.x = x; this.y = y; }",
                "  get length() { return Math.hypotenuse ?? Math.sqrt(this.x ** 2 + this.y ** 2); }",
                "}",
                "const {x, ...rest} = {x: 3, y: 4, z: 5};",
                "const points = [new Point(3, 4), new Point(6, 8)];",
                "`${points.map((p) => p.length).join(' ')} ${x} ${JSON.stringify(rest)}`");
        try (Sandbox sandbox = Sandbox.create()) {
            assertThrows(JsException.class, () -> sandbox.eval(modern), "the engine itself rejects the modern source");
            assertEquals("5 10 3 {\"y\":4,\"z\":5}", sandbox.eval(TRANSPILER.transpile(modern).code()).display());
        }
    }

    @Test
    void theLastExpressionStatementStaysTheScriptsValue() {
        try (Sandbox sandbox = Sandbox.create()) {
            // no dead-code removal: a side-effect-free last statement is the result
            assertEquals("[1,2]", sandbox.eval(TRANSPILER.transpile("let a = 1; const b = 2; [a, b]").code()).value().toString());
        }
    }

    @Test
    void aSyntaxErrorPointsIntoTheSourceAsWritten() {
        TranspileException e = assertThrows(TranspileException.class,
                () -> TRANSPILER.transpile("const a = 1;\nconst b = [1, 2;\n"));
        assertEquals(TranspileException.Problem.SYNTAX, e.problem());
        assertEquals(OptionalInt.of(2), e.line());
        assertEquals(OptionalInt.of(16), e.column());
        assertTrue(e.getMessage().startsWith("SyntaxError: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(line 2, column 16)"), e.getMessage());
    }

    @Test
    void aRuleTheCompilerChecksIsASyntaxErrorToo() {
        TranspileException e = assertThrows(TranspileException.class,
                () -> TRANSPILER.transpile("const limit = 1;\nlimit = 2;"));
        assertEquals(TranspileException.Problem.SYNTAX, e.problem());
        assertEquals(OptionalInt.of(2), e.line());
    }

    @Test
    void featuresWithNoEs5FormAreUnsupported() {
        for (String source : new String[] {"const big = 10n;", "/(?<=\\$)\\d+/.exec('$4')", "class A { #secret = 1; }"}) {
            TranspileException e = assertThrows(TranspileException.class, () -> TRANSPILER.transpile(source), source);
            assertTrue(e.problem() == TranspileException.Problem.UNSUPPORTED || e.problem() == TranspileException.Problem.SYNTAX,
                    source + ": " + e.problem());
        }
        assertEquals(TranspileException.Problem.UNSUPPORTED,
                assertThrows(TranspileException.class, () -> TRANSPILER.transpile("const big = 10n;")).problem());
    }

    @Test
    void theCacheReturnsTheSameScriptForTheSameSource() {
        Transpiler transpiler = Transpiler.create();
        TranspiledScript first = transpiler.transpile("const one = () => 1; one()");
        TranspiledScript again = transpiler.transpile("const one = () => 1; one()");
        assertSame(first, again);
        CacheStats stats = transpiler.cacheStats();
        assertEquals(1, stats.entries());
        assertEquals(1, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals(first.code().length() + first.sourceMap().length(), stats.chars());
    }

    @Test
    void theCacheDropsTheLeastRecentlyUsedScript() {
        Transpiler transpiler = Transpiler.create(TranspileOptions.builder().cacheEntries(2).build());
        TranspiledScript a = transpiler.transpile("let a = 1");
        transpiler.transpile("let b = 2");
        transpiler.transpile("let a = 1"); // a is now the most recently used
        transpiler.transpile("let c = 3"); // evicts b
        assertEquals(2, transpiler.cacheStats().entries());
        assertSame(a, transpiler.transpile("let a = 1"));
        long misses = transpiler.cacheStats().misses();
        transpiler.transpile("let b = 2");
        assertEquals(misses + 1, transpiler.cacheStats().misses(), "b was compiled again");
    }

    @Test
    void theCacheIsBoundedInCharactersToo() {
        Transpiler transpiler = Transpiler.create(TranspileOptions.builder().cacheChars(1).build());
        TranspiledScript first = transpiler.transpile("let a = 1");
        assertEquals(0, transpiler.cacheStats().entries(), "a script larger than the whole budget is not kept");
        assertNotSame(first, transpiler.transpile("let a = 1"));
    }

    @Test
    void aSourceOverTheSizeLimitIsRefusedBeforeParsing() {
        Transpiler transpiler = Transpiler.create(TranspileOptions.builder().maxSourceBytes(10).build());
        TranspileException e = assertThrows(TranspileException.class, () -> transpiler.transpile("'ééééé' + 1"));
        assertEquals(TranspileException.Problem.SOURCE_TOO_LARGE, e.problem());
        assertEquals("the source is 16 bytes, over the limit of 10 bytes", e.getMessage());
        assertEquals(0, transpiler.cacheStats().misses(), "not even looked up");
        assertEquals(OptionalInt.empty(), e.line());
    }

    @Test
    void anOutputTheSandboxWouldRefuseIsRefusedHere() {
        // the runtime helpers of for...of make the ES5 code far larger than the source
        Transpiler transpiler = Transpiler.create(TranspileOptions.builder().maxSourceBytes(200).build());
        TranspileException e = assertThrows(TranspileException.class,
                () -> transpiler.transpile("let s = 0; for (const x of [1, 2]) s += x; s"));
        assertEquals(TranspileException.Problem.OUTPUT_TOO_LARGE, e.problem());
    }

    @Test
    void classAccessorsGetTheShimTheEngineLacks() {
        TranspiledScript withAccessor = TRANSPILER.transpile("class A { get v() { return 1; } }\nnew A().v");
        TranspiledScript without = TRANSPILER.transpile("class B { v() { return 1; } }\nnew B().v()");
        assertTrue(withAccessor.code().startsWith("if (typeof Object.defineProperties !== 'function')"));
        assertFalse(without.code().contains("typeof Object.defineProperties !== 'function'"));
        try (Sandbox sandbox = Sandbox.create()) {
            assertEquals(1, sandbox.eval(withAccessor.code()).value().asInt());
        }
        // the map accounts for the shim's line
        int line = lineOf(withAccessor.code(), "(new A)");
        int column = withAccessor.code().split("\n")[line - 1].indexOf("(new A)") + 2;
        assertEquals(new SourcePosition(2, 1), withAccessor.originalPosition(line, column).orElseThrow());
    }

    @Test
    void catchParametersGetNamesOfTheirOwnForTheEngine() {
        String source = String.join("\n",
                "const seen = [];",
                "try { throw 1; } catch (e) { seen.push(e); }",
                "try { throw 2; } catch (e) { seen.push([e, ((e) => e * 10)(3), (() => e)()]); }",
                "try { throw {code: 4}; } catch ({code}) { seen.push(code); }",
                "seen");
        try (Sandbox sandbox = Sandbox.create()) {
            JsException plain = assertThrows(JsException.class, () -> sandbox.eval("try {} catch (e) {} try {} catch (e) {}"));
            assertEquals("catch variable already exists", plain.jsMessage());
            assertEquals("[1,[2,30,2],4]", sandbox.eval(TRANSPILER.transpile(source).code()).value().toString());
        }
    }

    @Test
    void generatorsGetTheSymbolPolyfillTheirRuntimeCallsFor() {
        TranspiledScript script = TRANSPILER.transpile("function* pairs() { yield [1, 2]; yield [3, 4]; }\n[...pairs()]");
        assertTrue(script.code().contains("$jscomp.polyfill(\"Symbol\""));
        try (Sandbox sandbox = Sandbox.create()) {
            assertEquals("[[1,2],[3,4]]", sandbox.eval(script.code()).value().toString());
        }
    }

    @Test
    void aScriptGetsThePolyfillsOfTheBuiltinsItUsesOnly() {
        String includes = TRANSPILER.transpile("[1, 2].includes(2)").code();
        assertTrue(includes.contains("$jscomp.polyfill(\"Array.prototype.includes\""), includes);
        assertFalse(includes.contains("$jscomp.polyfill(\"Map\""));
        assertFalse(TRANSPILER.transpile("[1, 2].indexOf(2)").code().contains("$jscomp"));
        try (Sandbox sandbox = Sandbox.create()) {
            assertEquals("true", sandbox.eval(includes).value().toString());
        }
    }

    @Test
    void aBuiltinThatExistsIsKept() {
        // the engine's own, or a prelude's: Closure's polyfills, and Map.js, install only where it is absent
        try (Sandbox sandbox = Sandbox.create()) {
            sandbox.eval("Array.prototype.includes = function () { return 'mine'; }; var Map = function () { this.mine = true; };");
            assertEquals("[\"mine\",true]",
                    sandbox.eval(TRANSPILER.transpile("[[1].includes(1), new Map().mine]").code()).value().toString());
        }
    }

    @Test
    void aPolyfillLeftOutLeavesItsBuiltinAbsent() {
        String code = TRANSPILER.transpile("new WeakMap()").code();
        assertFalse(code.contains("$jscomp.polyfill(\"WeakMap\""), code);
        try (Sandbox sandbox = Sandbox.create()) {
            JsException e = assertThrows(JsException.class, () -> sandbox.eval(code));
            assertEquals("variable 'WeakMap' is not defined", e.jsMessage());
        }
    }

    @Test
    void polyfillsCanBeTurnedOff() {
        Transpiler without = Transpiler.create(TranspileOptions.builder().polyfills(false).build());
        assertFalse(without.options().polyfills());
        assertTrue(TranspileOptions.defaults().polyfills());
        // a builtin neither the engine nor the library's compatibility prelude has
        String code = without.transpile("Object.entries({a: 1})").code();
        assertFalse(code.contains("$jscomp.polyfill"), code);
        try (Sandbox sandbox = Sandbox.create()) {
            assertEquals("not a function", assertThrows(JsException.class, () -> sandbox.eval(code)).jsMessage());
        }
    }

    @Test
    void promiseJobsWaitUntilTheHostRunsThem() {
        TranspiledScript script = TRANSPILER.transpile("var log = [];\nPromise.resolve(1).then((v) => log.push(v));\nlog.push(0);\nlog");
        assertTrue(script.queuesPromiseJobs());
        assertFalse(TRANSPILER.transpile("[1].includes(1)").queuesPromiseJobs());
        try (Sandbox sandbox = Sandbox.create()) {
            assertEquals("[0]", sandbox.eval(script.code()).value().toString());
            assertEquals("[0]", sandbox.eval("log").value().toString());
            sandbox.eval(TranspiledScript.RUN_PROMISE_JOBS);
            assertEquals("[0,1]", sandbox.eval("log").value().toString());
            sandbox.eval(TranspiledScript.RUN_PROMISE_JOBS); // nothing left
            assertEquals("[0,1]", sandbox.eval("log").value().toString());
        }
    }

    @Test
    void runningPromiseJobsWhereThereAreNoneDoesNothing() {
        try (Sandbox sandbox = Sandbox.create()) {
            sandbox.eval(TranspiledScript.RUN_PROMISE_JOBS);
            assertEquals("false", sandbox.eval("'$jscomp' in globalThis").value().toString(), "it declares nothing");
        }
    }

    @Test
    void positionsInTheRuntimeHelpersMapToNothing() {
        TranspiledScript script = TRANSPILER.transpile("for (const x of [1]) x");
        int helperLine = lineOf(script.code(), "$jscomp.makeIterator=function");
        assertTrue(script.originalPosition(helperLine, 1).isEmpty());
        assertTrue(script.originalPosition(0, 0).isEmpty());
    }

    /** The 1-based line of {@code code} that contains {@code text}. */
    static int lineOf(String code, String text) {
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in the code");
    }
}
