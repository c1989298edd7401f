package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mqjssandbox.internal.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Touches every global and builtin the sandbox exposes (wasm/src/sandbox_stdlib.c), so a
 * table generated for the wrong word size or a missing entry shows up as a wrong value.
 * The script returns the list of checks that failed; it must be empty.
 */
class BuiltinsTest {

    static String script() throws IOException {
        try (InputStream in = BuiltinsTest.class.getResourceAsStream("/builtins.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyBuiltinBehaves(Engine engine) throws Exception {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            EvalResult result = sandbox.eval(script(), "builtins.js");
            assertEquals("[]", result.value().toString());
            assertEquals("print works\nconsole.log works\n", result.output());
        }
    }

    /** The documented global environment (docs/globals.md), nothing more. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theGlobalObjectHoldsExactlyTheDocumentedNames(Engine engine) throws Exception {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            JsonNode names = sandbox.eval("(function () { var names = [];"
                    + " for (var key in globalThis) names.push(key); return names.sort(); })()").value();
            assertEquals(JsonTrees.parse("[\"Array\",\"ArrayBuffer\",\"Boolean\",\"Date\",\"Error\",\"EvalError\","
                    + "\"Float32Array\",\"Float64Array\",\"Function\",\"Infinity\",\"Int16Array\",\"Int32Array\","
                    + "\"Int8Array\",\"InternalError\",\"JSON\",\"Math\",\"NaN\",\"Number\",\"Object\","
                    + "\"RangeError\",\"ReferenceError\",\"RegExp\",\"String\",\"SyntaxError\",\"TypeError\","
                    + "\"URIError\",\"Uint16Array\",\"Uint32Array\",\"Uint8Array\",\"Uint8ClampedArray\","
                    + "\"console\",\"eval\",\"globalThis\",\"isFinite\",\"isNaN\",\"parseFloat\",\"parseInt\","
                    + "\"print\",\"undefined\"]"), names);
        }
    }
}
