package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.mqjssandbox.internal.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Touches every global and builtin the sandbox exposes (wasm/src/sandbox_stdlib.c), so a
 * table generated for the wrong word size or a missing entry shows up as a wrong value.
 * The script returns the list of checks that failed; it must be empty. It checks the engine's
 * own table, so it runs without the compatibility prelude (compat.CompatPreludeTest checks that).
 */
class BuiltinsTest {
    /** The engine's global object, as docs/globals.md lists it. */
    private static final String ENGINE_GLOBALS = "\"Array\",\"ArrayBuffer\",\"Boolean\",\"Date\",\"Error\",\"EvalError\","
            + "\"Float32Array\",\"Float64Array\",\"Function\",\"Infinity\",\"Int16Array\",\"Int32Array\","
            + "\"Int8Array\",\"InternalError\",\"JSON\",\"Math\",\"NaN\",\"Number\",\"Object\","
            + "\"RangeError\",\"ReferenceError\",\"RegExp\",\"String\",\"SyntaxError\",\"TypeError\","
            + "\"URIError\",\"Uint16Array\",\"Uint32Array\",\"Uint8Array\",\"Uint8ClampedArray\","
            + "\"console\",\"eval\",\"globalThis\",\"isFinite\",\"isNaN\",\"parseFloat\",\"parseInt\","
            + "\"print\",\"undefined\"";
    /** What the compatibility prelude adds to it (docs/compatibility.md). */
    private static final String PRELUDE_GLOBALS = "\"decodeURI\",\"decodeURIComponent\",\"encodeURI\","
            + "\"encodeURIComponent\",\"escape\",\"global\",\"self\",\"unescape\"";

    static String script() throws IOException {
        try (InputStream in = BuiltinsTest.class.getResourceAsStream("/builtins.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyBuiltinBehaves(Engine engine) throws Exception {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b.compatPrelude(false))) {
            EvalResult result = sandbox.eval(script(), "builtins.js");
            assertEquals("[]", result.value().toString());
            assertEquals("print works\nconsole.log works\n", result.output());
        }
    }

    /** The documented global environment (docs/globals.md), nothing more. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theGlobalObjectHoldsExactlyTheDocumentedNames(Engine engine) throws Exception {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b.compatPrelude(false))) {
            assertEquals(JsonTrees.parse("[" + ENGINE_GLOBALS + "]"), globalNames(sandbox));
        }
    }

    /** The default adds the prelude's globals (docs/globals.md, docs/compatibility.md), nothing more. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void withThePreludeTheGlobalObjectHoldsItsNamesToo(Engine engine) throws Exception {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            JsonNode expected = JsonTrees.parse("[" + ENGINE_GLOBALS + "," + PRELUDE_GLOBALS + "]");
            assertEquals(sorted(expected), globalNames(sandbox));
        }
    }

    private static JsonNode globalNames(Sandbox sandbox) {
        return sandbox.eval("(function () { var names = [];"
                + " for (var key in globalThis) names.push(key); return names.sort(); })()").value();
    }

    /** In the order of JS's sort(): by UTF-16 code units, as String.compareTo. */
    private static JsonNode sorted(JsonNode names) {
        List<String> list = new ArrayList<>();
        names.forEach(n -> list.add(n.asText()));
        Collections.sort(list);
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        list.forEach(array::add);
        return array;
    }
}
