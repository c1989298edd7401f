package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.mqjssandbox.internal.JsonTrees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HostFunctionsTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void argumentsAndResultsTravelAsJson(Engine engine) throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b
                .hostFunction("add", args -> IntNode.valueOf(args.get(0).asInt() + args.get(1).asInt()))
                .hostFunction("describe", args -> {
                    seen.add(args);
                    ObjectNode out = NODES.objectNode();
                    out.put("count", args.size());
                    out.set("first", args.get(0));
                    return out;
                })
                .hostFunction("nothing", args -> null)
                .hostFunction("missing", args -> MissingNode.getInstance()))) {
            assertEquals(IntNode.valueOf(5), sandbox.eval("add(2, 3)").value());
            assertEquals(JsonTrees.parse("{\"count\":3,\"first\":{\"a\":[1,\"x\"]}}"),
                    sandbox.eval("describe({a: [1, 'x']}, undefined, 'z')").value());
            assertEquals(JsonTrees.parse("[{\"a\":[1,\"x\"]},null,\"z\"]"), seen.get(0),
                    "undefined becomes null, as JSON.stringify renders an array");
            assertEquals("undefined undefined", sandbox.eval("typeof nothing() + ' ' + typeof missing()").display());
            assertEquals("object", sandbox.eval("typeof describe(1).first === 'number' ? 'object' : 'no'").display());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hostErrorsAreCatchableWithSanitisedMessages(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b
                .hostFunction("refuse", args -> {
                    throw new HostFunctionError("not allowed: " + args.get(0).asText());
                })
                .hostFunction("explode", args -> {
                    throw new IOException("secret path /etc/passwd in com.example.Internal");
                }))) {
            assertEquals("Error: not allowed: x", sandbox.eval(
                    "try { refuse('x'); } catch (e) { e.name + ': ' + e.message }").display());
            String hidden = sandbox.eval("try { explode(); } catch (e) { e.message }").display();
            assertEquals("host function 'explode' failed", hidden);
            assertFalse(hidden.contains("IOException") || hidden.contains("passwd"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void resultsThatAreNotJsonValuesAreRefusedWithoutBeingRead(Engine engine) {
        Probe probe = new Probe();
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b
                .hostFunction("pojo", args -> NODES.pojoNode(probe))
                .hostFunction("binary", args -> NODES.arrayNode().add(NODES.binaryNode(new byte[] {1, 2}))))) {
            assertEquals("host function 'pojo' returned a value that is not JSON",
                    sandbox.eval("try { pojo(); } catch (e) { e.message }").display());
            assertEquals("host function 'binary' returned a value that is not JSON",
                    sandbox.eval("try { binary(); } catch (e) { e.message }").display());
            assertFalse(probe.read, "no data binding: the object's getters are never called");
        }
    }

    /** Found by the JSON round-trip property: Jackson writes NaN as the string "NaN", so a number became a string. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void nonFiniteNumbersAreNotJsonAndAreRefused(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b
                .hostFunction("nan", args -> NODES.numberNode(Double.NaN))
                .hostFunction("inf", args -> NODES.arrayNode().add(Double.NEGATIVE_INFINITY)))) {
            assertEquals("host function 'nan' returned a value that is not JSON",
                    sandbox.eval("try { nan(); } catch (e) { e.message }").display());
            assertEquals("host function 'inf' returned a value that is not JSON",
                    sandbox.eval("try { inf(); } catch (e) { e.message }").display());
            sandbox.eval("function type(x) { return typeof x; }");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sandbox.call("type", NODES.numberNode(Float.NaN)));
            assertTrue(e.getMessage().startsWith("call arguments cannot be written as JSON: cannot write a non-finite number"),
                    e.getMessage());
            assertEquals("number", sandbox.call("type", NODES.numberNode(Double.MAX_VALUE)).display());
        }
    }

    /** A Java object a careless host function might hand back. */
    public static final class Probe {
        boolean read;

        public String getSecret() {
            read = true;
            return "secret";
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUncaughtHostErrorEndsTheEvaluationAsAHostError(Engine engine) {
        IOException cause = new IOException("disk");
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b.hostFunction("load", args -> {
            throw cause;
        }))) {
            HostFunctionException e = assertThrows(HostFunctionException.class, () -> sandbox.eval("\nload('a');"));
            assertEquals(ErrorKind.HOST, e.kind());
            assertEquals("load", e.functionName());
            assertEquals("host function 'load' failed", e.jsMessage());
            assertSame(cause, e.getCause(), "the Java side keeps the real cause");
            assertEquals(2, e.line().getAsInt());
            assertThrows(JsException.class, () -> sandbox.eval("throw new Error('unrelated')"));
            JsException plain = assertThrows(JsException.class, () -> sandbox.eval("throw new Error('unrelated')"));
            assertFalse(plain instanceof HostFunctionException);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void payloadsAreBounded(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b
                .maxHostPayloadBytes(1000)
                .hostFunction("echo", args -> args)
                .hostFunction("flood", args -> TextNode.valueOf("y".repeat(5000))))) {
            assertEquals("host function 'echo': arguments exceed 1000 bytes", sandbox.eval(
                    "try { echo(new Array(2000).join('x')); } catch (e) { e.message }").display());
            assertEquals("host function 'flood': result exceeds 1000 bytes", sandbox.eval(
                    "try { flood(); } catch (e) { e.message }").display());
            assertEquals(JsonTrees.nodes().arrayNode().add("ok"), sandbox.eval("echo('ok')").value());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hostFunctionsSurviveReset(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b.hostFunction("one", args -> IntNode.valueOf(1)))) {
            sandbox.reset();
            assertEquals(IntNode.valueOf(1), sandbox.eval("one()").value());
            assertTrue(sandbox.eval("typeof one").display().equals("function"));
        }
    }
}
