package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.mqjssandbox.internal.JsonTrees;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Two reproducers of one bug in our C glue, wasm/src/sandbox.c, found by the differential fuzz
 * (fuzz/README.md, finding 6). The engine's garbage collector compacts the heap: it moves
 * objects and updates the references it knows (the JS stack, JSGCRef slots), not C locals.
 * sandbox.c pushes a value with JS_PUSH_VALUE(ctx, v) but then keeps using the local {@code v}
 * after calls that can allocate, so after a collection it points at whatever moved there:
 * <ul>
 *   <li>{@code call_global}: {@code func} is used after {@code parse_json} of the arguments
 *       (use {@code func_ref.val});</li>
 *   <li>{@code report_value}: {@code v} is used after {@code json_stringify} and after
 *       {@code set_slot_string} failed (use {@code v_ref.val});</li>
 *   <li>the same pattern in {@code sbx_host_function} ({@code args} after
 *       {@code JS_SetPropertyUint32}) and {@code report_exception} ({@code p} and {@code e} after
 *       {@code set_slot_string}).</li>
 * </ul>
 * The native reference has the same bug. wasm/src is not this branch's to change: the tests
 * are disabled until sandbox.c is fixed, and then must pass as they are.
 */
class GlueGcBugTest {
    @Test
    @Disabled("bug in wasm/src/sandbox.c call_global: func used after a GC in parse_json (fuzz/README.md)")
    void aCallWhoseArgumentsFillTheHeapStillCallsTheFunction() {
        try (Sandbox sandbox = Sandbox.create(SandboxConfig.builder().memoryLimitBytes(1 << 20).randomSeed(1).build())) {
            sandbox.eval("var junk = []; for (var i = 0; i < 6000; i++) junk.push({i: i, s: 'item' + i});");
            sandbox.eval("function f(x) { return 'f got ' + x.length; }");
            sandbox.eval("junk = null;"); // garbage below f: the next collection moves f
            ArrayNode big = JsonTrees.nodes().arrayNode();
            for (int i = 0; i < 30000; i++) {
                big.add("s" + i);
            }
            // today: JsException "TypeError: not a function", the stale func pointing at another block
            assertEquals("f got 30000", sandbox.call("f", big).display());
        }
    }

    @Test
    @Disabled("bug in wasm/src/sandbox.c report_value: v used after a GC in set_slot_string (fuzz/README.md)")
    void theDisplayOfAValueWhoseToStringRanOutOfMemoryIsThatValue() {
        try (Sandbox sandbox = Sandbox.create(SandboxConfig.builder().randomSeed(1).build())) {
            // String(v) is Array.prototype.join over ToUint32(-2.5) = 4294967294 elements: out of memory
            EvalResult r = sandbox.eval("Object.setPrototypeOf({length: -2.5}, Array.prototype)");
            assertEquals("{\"length\":-2.5}", r.value().toString());
            // today: "byte_array(46318274)", the header of whatever block moved to v's old address
            // the engine's own rendering of the object, as a native build with v_ref.val there gives
            assertEquals("[object Object]", r.display());
        }
    }
}
