package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/**
 * The engine's GC compacts the heap, so every allocation may move objects: the C glue
 * (wasm/src/sandbox.c) must read values it holds across an allocation from their GC refs.
 * Each test sweeps the amount of garbage lying below the values in flight in a small heap,
 * so that at some point the allocation made while marshalling (parsing call arguments,
 * stringifying a result or host arguments, describing an error) runs the GC and moves them.
 * Found by {@link FaultInjectionTest#allocationFailsWhileMarshalling}: before the fix,
 * {@code call} used the function's old address once the arguments' parse had compacted the
 * heap ("TypeError: not a function" for about a third of the garbage amounts below).
 */
class GcSafetyTest {
    private static final int HEAP = 64 << 10;
    private static final String GARBAGE = "var g = []; for (var i = 0; i < %d; i++) g.push('garbage' + i); g = null;";

    /** The sweeps are sized for the engine's own heap use: without the prelude's 46 KB. */
    private static Sandbox small() {
        return TestSandboxes.open(Engine.AOT, b -> b.memoryLimitBytes(HEAP).compatPrelude(false)
                .hostFunction("echo", args -> args.get(0)));
    }

    @Test
    void callArgumentsParsedWhileTheGcMovesTheFunction() {
        int ok = 0;
        for (int garbage = 0; garbage < 3000; garbage += 11) {
            try (Sandbox sandbox = small()) {
                try {
                    sandbox.eval("function f(x) { return x.length; }" + String.format(GARBAGE, garbage) + " 0");
                    assertEquals(IntNode.valueOf(2000), sandbox.call("f", TextNode.valueOf("c".repeat(2000))).value(),
                            "garbage " + garbage);
                    ok++;
                } catch (MemoryLimitException full) {
                    // the heap had no room for the garbage or the arguments: a clean, typed refusal
                }
            }
        }
        assertTrue(ok > 150, ok + " calls succeeded");
    }

    @Test
    void resultStringifiedWhileTheGcMovesIt() {
        int ok = 0;
        String big = "x".repeat(3999);
        for (int garbage = 0; garbage < 3000; garbage += 9) {
            try (Sandbox sandbox = small()) {
                try {
                    EvalResult r = sandbox.eval("var big = new Array(4000).join('x');" + String.format(GARBAGE, garbage)
                            + " var r = {k: big, toString: function () { return 'r:' + this.k.length; }}; r");
                    assertEquals("r:3999", r.display(), "garbage " + garbage);
                    assertEquals(big, r.value().get("k").asText(), "garbage " + garbage);
                    ok++;
                } catch (MemoryLimitException full) {
                    // no room for the JSON text
                }
            }
        }
        assertTrue(ok > 80, ok + " results read back");
    }

    @Test
    void hostArgumentsStringifiedWhileTheGcMovesThem() {
        int ok = 0;
        for (int garbage = 0; garbage < 3000; garbage += 11) {
            try (Sandbox sandbox = small()) {
                try {
                    EvalResult r = sandbox.eval(String.format(GARBAGE, garbage)
                            + " var a = {list: [1, 2, 3], text: new Array(1500).join('t')}; echo(a).list.length + echo(a).text.length");
                    assertEquals(IntNode.valueOf(3 + 1499), r.value(), "garbage " + garbage);
                    ok++;
                } catch (MemoryLimitException full) {
                    // no room for the arguments' JSON or the reply
                }
            }
        }
        assertTrue(ok > 150, ok + " host calls succeeded");
    }

    @Test
    void errorsDescribedWhileTheGcMovesThem() {
        int ok = 0;
        for (int garbage = 0; garbage < 3000; garbage += 11) {
            try (Sandbox sandbox = small()) {
                try {
                    sandbox.eval(String.format(GARBAGE, garbage)
                            + " var e = new RangeError(new Array(2000).join('m')); throw e;");
                } catch (JsException e) {
                    assertEquals("RangeError", e.name(), "garbage " + garbage);
                    assertEquals("m".repeat(1999), e.jsMessage(), "garbage " + garbage);
                    ok++;
                } catch (MemoryLimitException full) {
                    // no room to build the error
                }
            }
        }
        assertTrue(ok > 150, ok + " errors described");
    }
}
