package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.mqjssandbox.internal.JsonTrees;
import org.junit.jupiter.api.Test;

/**
 * Two reproducers of one bug class in our C glue, wasm/src/sandbox.c, found by the long
 * differential fuzz (fuzz/README.md): the engine's garbage collector compacts the heap and
 * updates only the references it knows (the JS stack, JSGCRef slots), so a C local used after
 * a call that can allocate pointed at whatever moved there. The glue now reads such values
 * again from their GC refs (GcSafetyTest sweeps heap layouts); these keep the two shapes the
 * fuzz found.
 */
class GlueGcBugTest {
    @Test

    void aCallWhoseArgumentsFillTheHeapStillCallsTheFunction() {
        try (Sandbox sandbox = Sandbox.create(SandboxConfig.builder().memoryLimitBytes(1 << 20).randomSeed(1).build())) {
            sandbox.eval("var junk = []; for (var i = 0; i < 6000; i++) junk.push({i: i, s: 'item' + i});");
            sandbox.eval("function f(x) { return 'f got ' + x.length; }");
            sandbox.eval("junk = null;"); // garbage below f: the next collection moves f
            ArrayNode big = JsonTrees.nodes().arrayNode();
            for (int i = 0; i < 30000; i++) {
                big.add("s" + i);
            }
            // before the fix: TypeError "not a function", a stale func pointing at another block
            assertEquals("f got 30000", sandbox.call("f", big).display());
        }
    }

    @Test

    void theDisplayOfAValueWhoseToStringRanOutOfMemoryIsThatValue() {
        try (Sandbox sandbox = Sandbox.create(SandboxConfig.builder().randomSeed(1).build())) {
            // String(v) is Array.prototype.join over ToUint32(-2.5) = 4294967294 elements: out of memory
            EvalResult r = sandbox.eval("Object.setPrototypeOf({length: -2.5}, Array.prototype)");
            assertEquals("{\"length\":-2.5}", r.value().toString());
            // before the fix: "byte_array(46318274)", the header of whatever block moved to v's old
            // address; now the engine's own rendering of the object
            assertEquals("[object Object]", r.display());
        }
    }
}
