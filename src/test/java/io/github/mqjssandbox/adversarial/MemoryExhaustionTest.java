package io.github.mqjssandbox.adversarial;

import static io.github.mqjssandbox.adversarial.Adversary.assertEvaluates;
import static io.github.mqjssandbox.adversarial.Adversary.assertFails;
import static io.github.mqjssandbox.adversarial.Adversary.assertJsError;
import static io.github.mqjssandbox.adversarial.Adversary.assertStillWorks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.MemoryLimitException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.internal.JsonTrees;
import io.github.mqjssandbox.internal.wasm.EngineInstance;
import io.github.mqjssandbox.internal.wasm.HostCalls;
import io.github.mqjssandbox.internal.wasm.RawOutcome;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripts that try to take more memory than they are given: the JS heap limit holds exactly
 * (a typed {@link MemoryLimitException}, and the heap in use never above the limit), the wasm
 * memory never grows past its cap, and the JVM heap does not grow with what scripts ask for.
 */
class MemoryExhaustionTest {
    /** The smallest heap the configuration allows: the interpreter reaches its end quickly. */
    private static final int HEAP = 64 << 10;

    private static final String[] HOGS = {
        "var s = 'x'; for (;;) s += s;",
        "var a = []; for (;;) a.push(a.length);",
        "var o = {}; for (var i = 0; ; i++) o['k' + i] = i;",
        "var l = []; for (;;) l.push({a: 1, b: 'x' + l.length});",
        "var keep = function () { var big = 'x'.repeat(10000) + Math.random(); return function () { return big; }; };"
                + " var fs = []; for (;;) fs.push(keep());",
        "var a = [1]; for (;;) a = a.concat(a);",
        "'x'.repeat(50000).split('')",
        "new Array(1e5).join('x'.repeat(1000))",
        "JSON.stringify(new Array(1e5).join('x').split(''))",
        "new Array(1e9)",
        "new Uint8Array(1e9)",
        "new Float64Array(1e8)",
        "new ArrayBuffer(1e9)",
        "(1, eval)('1 + '.repeat(1e6) + '1')",
        "Function('return 1 + ' + '1 + '.repeat(1e6) + '1')()",
    };

    static Stream<Arguments> hogs() {
        return Adversary.everyEngine(HOGS);
    }

    /** Each hog runs in a function, so that what it took is garbage once the error unwinds it. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hogs")
    void everyHogStopsAtTheHeapLimit(Engine engine, String script) {
        try (Sandbox sandbox = Adversary.open(engine, b -> b.memoryLimitBytes(HEAP))) {
            sandbox.eval("var survivor = 'kept'");
            MemoryLimitException e = assertFails(MemoryLimitException.class, sandbox, "(function () { " + script + " })()");
            assertEquals(HEAP, e.limit());
            assertTrue(e.getMessage().matches("memory: limit 65536 bytes reached \\((out of|not enough) memory\\)"),
                    e::getMessage); // the parser (eval, Function) says "not enough memory"
            assertFalse(e.sandboxWasReset(), "the engine reports exhaustion itself; the context stays valid");
            assertEquals("kept", sandbox.eval("survivor").display());
        }
    }

    /**
     * A hog that keeps what it took in a global keeps the heap full: the state survives a
     * limit, so even {@code 1 + 1} may not find room. Dropping the reference (a statement
     * that needs less memory) or {@link Sandbox#reset()} gives the memory back.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHogThatKeepsItsMemoryInAGlobalHoldsItUntilDroppedOrReset(Engine engine) {
        String hog = "var hog = []; for (;;) hog.push({a: 1, b: 'x' + hog.length});";
        try (Sandbox sandbox = Adversary.open(engine, b -> b.memoryLimitBytes(HEAP))) {
            assertThrows(MemoryLimitException.class, () -> sandbox.eval(hog));
            // the heap stays full while the global holds it: a script needing a few KB fails
            MemoryLimitException full = assertThrows(MemoryLimitException.class,
                    () -> sandbox.eval("var more = []; for (var i = 0; i < 200; i++) more.push({i: i}); more.length"));
            assertTrue(full.getMessage().startsWith("memory: limit 65536 bytes reached ("), full.getMessage());
            // Dropping it may itself not parse in a heap this full: that is the memory limit
            // too (never a SyntaxError), and a reset then recovers.
            try {
                EvalResult dropped = sandbox.eval("hog = null");
                assertTrue(dropped.memoryUsedBytes() <= HEAP);
            } catch (MemoryLimitException tooFullToParse) {
                sandbox.reset();
            }
            assertStillWorks(sandbox);

            assertThrows(MemoryLimitException.class, () -> sandbox.eval(hog));
            sandbox.reset();
            assertStillWorks(sandbox);
            assertEquals("undefined", sandbox.eval("typeof hog").display());
        }
    }

    /** The engine's out-of-memory error is catchable; the heap in use stays within the limit. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aScriptThatCatchesItsOwnExhaustionStaysWithinTheLimit(Engine engine) {
        try (Sandbox sandbox = Adversary.open(engine, b -> b.memoryLimitBytes(HEAP))) {
            EvalResult r = assertEvaluates(sandbox, "var hog = [], caught;"
                    + " try { for (;;) hog.push('x'.repeat(500) + hog.length); } catch (e) { caught = e.name + ': ' + e.message; }"
                    + " var held = hog.length; hog = null; [caught, held > 10]");
            assertEquals(JsonTrees.nodes().arrayNode().add("InternalError: out of memory").add(true), r.value());
            assertTrue(r.memoryUsedBytes() <= HEAP, r.memoryUsedBytes() + " > " + HEAP);
            assertEquals(IntNode.valueOf(5000), assertEvaluates(sandbox, "'y'.repeat(5000).length").value(),
                    "the memory came back once the script dropped it");
        }
    }

    /** Sizes past what an index can hold are range errors; typed arrays never read or write outside their buffer. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void hugeOrNegativeSizesAndOutOfBoundsIndexesAreRefused(Engine engine) throws Exception {
        try (Sandbox sandbox = Adversary.open(engine, b -> b.memoryLimitBytes(1 << 20))) {
            assertJsError(sandbox, "new ArrayBuffer(2e9)", "RangeError", "invalid array index");
            assertJsError(sandbox, "new ArrayBuffer(-1)", "RangeError", "invalid array index");
            assertJsError(sandbox, "new Uint8Array(2e9)", "RangeError", "invalid array index");
            assertJsError(sandbox, "new Uint8Array(new ArrayBuffer(16), 8, 1e9)", "RangeError", "invalid length");
            assertJsError(sandbox, "new Uint8Array(new ArrayBuffer(16), 20)", "RangeError", "invalid offset");
            assertJsError(sandbox, "new Array(-1)", "RangeError", "invalid array length");
            assertJsError(sandbox, "var a = []; a.length = 2e9", "TypeError", "invalid array length");
            assertJsError(sandbox, "var a = []; a[5e8] = 1", "TypeError", "invalid array subscript");
            assertJsError(sandbox, "'x'.repeat(1e8)", "RangeError", "invalid repeat count");
            assertJsError(sandbox, "new Uint8Array(8).set([1, 2, 3], 7)", "RangeError", "invalid array length");
            assertJsError(sandbox, "new Uint8Array(new ArrayBuffer(16), 8)[8] = 1", "TypeError", "invalid array subscript");
            assertJsError(sandbox, "new Float64Array(2)[-1] = 1", "TypeError", "invalid array subscript");
            assertEquals(JsonTrees.parse("[8, null, null, null, 4, 2, 8, 14, 1000000000, null]"), assertEvaluates(sandbox,
                    "var u = new Uint8Array(new ArrayBuffer(16), 8); var v = new Uint8Array(4);"
                            + " Object.defineProperty(v, 'length', {value: 1e9});"
                            + " [u.length, u[8], u[-1], u[1e9], u.subarray(4, 1e9).length, u.subarray(-1e9, 2).length,"
                            + " u.byteOffset, u.subarray(6).byteOffset, v.length, v[1000]]").value());
        }
    }

    /** The source limit counts UTF-8 bytes and is checked before anything enters the sandbox. */
    @Test
    void sourceOverMaxSourceBytesIsRefusedBeforeRunning() {
        try (Sandbox sandbox = Adversary.open(Engine.AOT, b -> b.maxSourceBytes(64 << 10))) {
            sandbox.eval("var untouched = 1");
            IllegalArgumentException ascii = assertThrows(IllegalArgumentException.class,
                    () -> sandbox.eval("1;".repeat(40_000)));
            assertEquals("source is 80000 bytes, over the limit of 65536 bytes", ascii.getMessage());
            IllegalArgumentException euros = assertThrows(IllegalArgumentException.class,
                    () -> sandbox.eval("'" + "\u20ac".repeat(30_000) + "'"));
            assertEquals("source is 90002 bytes, over the limit of 65536 bytes", euros.getMessage(),
                    "30,002 characters, but 90,002 bytes");
            assertEquals(IntNode.valueOf(1), sandbox.eval("untouched").value());
            assertStillWorks(sandbox);
        }
    }

    /**
     * Huge literals within the source limit: correct with room, a memory error without.
     * (Room is 1 MiB: the engine's allocations cost more in a larger heap, markedly so in
     * the interpreter.)
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void hugeLiteralsAreParsedWithinTheHeapLimit(Engine engine) {
        boolean slow = engine == Engine.INTERPRETER;
        int chars = slow ? 30_000 : 300_000;
        int elements = slow ? 200 : 2_000;
        try (Sandbox roomy = Adversary.open(engine, b -> b.memoryLimitBytes(1 << 20))) {
            assertEquals(IntNode.valueOf(chars), assertEvaluates(roomy, stringLiteral(chars)).value());
            assertEquals(IntNode.valueOf(elements), assertEvaluates(roomy, arrayLiteral(elements)).value());
        }
        try (Sandbox tight = Adversary.open(engine, b -> b.memoryLimitBytes(HEAP))) {
            String bigStrings = "var a = [" + ("'" + "y".repeat(1000) + "',").repeat(100) + "0]; a.length";
            for (String literal : new String[] {stringLiteral(100_000), bigStrings}) {
                MemoryLimitException e = assertFails(MemoryLimitException.class, tight, literal);
                assertEquals("memory: limit 65536 bytes reached (not enough memory)", e.getMessage(),
                        "the parser's words for it");
            }
        }
    }

    private static String stringLiteral(int chars) {
        return "var s = '" + "x".repeat(chars) + "'; s.length";
    }

    private static String arrayLiteral(int elements) {
        return "var a = [" + "7,".repeat(elements - 1) + "7]; a.length";
    }

    static Stream<Arguments> capHogs() {
        return Adversary.everyEngine(
                "var s = 'x'; for (;;) s += s;",
                "var a = [1]; for (;;) a = a.concat(a);",
                "new Uint8Array(1e9)",
                "new ArrayBuffer(1e9)",
                "new Array(1e9)",
                "(1, eval)('1 + '.repeat(1e6) + '1')");
    }

    /**
     * The wasm memory of the instance (not exposed by Sandbox, so read from the internal
     * EngineInstance) stays under its cap, arena + I/O reserve + a fixed overhead, whatever
     * the script asks for.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("capHogs")
    void theWasmMemoryNeverGrowsPastItsCap(Engine engine, String script) {
        int ioReserve = 64 << 10;
        EngineInstance instance = EngineInstance.create(engine, false, HEAP, ioReserve, HostCalls.NONE);
        long cap = instance.memoryCapBytes();
        assertTrue(cap <= HEAP + ioReserve + (2 << 20), "cap " + cap + ": arena + reserve + at most 2 MiB");
        RawOutcome outcome = instance.eval(script.getBytes(StandardCharsets.UTF_8), "<hog>");
        assertEquals("out of memory", outcome.errorMessage());
        assertTrue(instance.memoryBytes() <= cap, instance.memoryBytes() + " > " + cap);
        RawOutcome after = instance.eval("1 + 1".getBytes(StandardCharsets.UTF_8), "<after>");
        assertEquals("2", after.valueJson());
        assertTrue(instance.memoryBytes() <= cap);
    }

    /**
     * Many rounds of heap exhaustion and resets (each reset discards an instance with its wasm
     * memory) leave the JVM heap where it was: nothing a script allocated outlives it.
     */
    @Test
    void repeatedExhaustionAndResetsDoNotGrowTheJvmHeap() {
        int heap = 2 << 20;
        try (Sandbox sandbox = Adversary.open(Engine.AOT, b -> b.memoryLimitBytes(heap))) {
            for (int i = 0; i < 5; i++) {
                exhaustAndReset(sandbox);
            }
            long before = usedHeapAfterGc();
            int rounds = 30;
            for (int i = 0; i < rounds; i++) {
                exhaustAndReset(sandbox);
            }
            long grown = usedHeapAfterGc() - before;
            assertTrue(grown < 24L << 20, "the JVM heap grew by " + grown + " bytes over " + rounds
                    + " rounds that each took " + heap + " bytes of JS heap and discarded an instance");
            assertStillWorks(sandbox);
        }
    }

    private static void exhaustAndReset(Sandbox sandbox) {
        assertThrows(MemoryLimitException.class, () -> sandbox.eval("var s = 'x'; for (;;) s += s;"));
        assertThrows(MemoryLimitException.class,
                () -> sandbox.eval("var l = []; for (;;) l.push(new Uint8Array(65536));"));
        assertEquals(TextNode.valueOf("object"), sandbox.eval("typeof l").value(), "the hog is still referenced");
        sandbox.reset();
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
        }
        return least;
    }
}
