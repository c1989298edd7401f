package io.github.mqjssandbox.nativecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.ErrorKind;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.FuelExhaustedException;
import io.github.mqjssandbox.HostFunctionError;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.MemoryLimitException;
import io.github.mqjssandbox.OutputLimitException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.SandboxException;
import io.github.mqjssandbox.ScriptTimeoutException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.security.AccessControlException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library under a host policy that forbids native code and class loaders: this class runs
 * in a JVM of its own started with {@code -Djava.security.manager} and
 * {@code src/test/security/no-native.policy} (the {@code no-native-policy} execution of
 * pom.xml, JDK 17 to 23), where the AOT engine (and the interpreter) must work as usual and
 * Chicory's run-time compiler must be refused. The default test run skips it.
 */
@SuppressWarnings("removal")
class PolicyRunTest {

    @BeforeAll
    static void onlyUnderThePolicy() {
        assumeTrue(Boolean.getBoolean("mqjs.policyRun"), "run by the no-native-policy execution only (pom.xml)");
    }

    private static SandboxConfig.Builder config(Engine engine) {
        return SandboxConfig.builder().engine(engine).randomSeed(42).fixedClock(1_700_000_000_000L)
                .timeout(Duration.ofSeconds(20));
    }

    @Test
    void thePolicyIsInForce() {
        assertNotNull(System.getSecurityManager(), "no Security Manager: check the argLine of no-native-policy");
        assertThrows(AccessControlException.class, () -> new URLClassLoader(new URL[0]));
        // refused before any search for the file: a SecurityException, not an UnsatisfiedLinkError
        assertThrows(AccessControlException.class, () -> System.loadLibrary("mqjs-no-such-library"));
        assertThrows(AccessControlException.class, () -> System.load("/no/such/libmqjs.so"));
        assertThrows(AccessControlException.class, () -> Class.forName("sun.misc.Unsafe"));
        assertFalse(Sandbox.class.getProtectionDomain().implies(new RuntimePermission("createClassLoader")));
        assertFalse(Sandbox.class.getProtectionDomain().implies(new RuntimePermission("loadLibrary.anything")));
    }

    @Test
    void valuesCallsAndHostFunctions() throws Exception {
        SandboxConfig settings = config(Engine.AOT)
                .hostFunction("lookup", args -> TextNode.valueOf("value of " + args.get(0).asText()))
                .hostFunction("refuse", args -> {
                    throw new HostFunctionError("not allowed");
                })
                .build();
        try (Sandbox sandbox = Sandbox.create(settings)) {
            EvalResult sum = sandbox.eval("1 + 2");
            assertEquals(IntNode.valueOf(3), sum.value());
            assertEquals("0.30000000000000004", sandbox.eval("0.1 + 0.2").display());
            assertEquals(new ObjectMapper().readTree("{\"a\":[1,\"x\",null,true]}"),
                    sandbox.eval("({a: [1, 'x', null, true]})").value());
            assertNull(sandbox.eval("undefined").value());
            assertEquals("h\u00e9llo \u2603", sandbox.eval("'h\\u00e9llo ' + '\\u2603'").display());
            assertEquals("value of ada", sandbox.eval("lookup('ada')").display());
            assertEquals("Error: not allowed", sandbox.eval("try { refuse(); } catch (e) { String(e); }").display());
            sandbox.eval("function total(xs) { return xs.reduce(function (a, b) { return a + b; }, 0); }");
            JsonNode list = new ObjectMapper().readTree("[1, 2, 3]");
            assertEquals(IntNode.valueOf(6), sandbox.call("total", list).value());
            assertEquals("1700000000000", sandbox.eval("Date.now()").display());
            assertEquals("olleh", sandbox.eval("'hello'.split('').reverse().join('')").display());
            assertEquals("2024-01-02", sandbox.eval("/(\\d+)-(\\d+)-(\\d+)/.exec('on 2024-01-02')[0]").display());
            sandbox.reset();
            assertEquals("undefined", sandbox.eval("typeof total").display());
        }
    }

    @Test
    void errors() {
        try (Sandbox sandbox = Sandbox.create(config(Engine.AOT).build())) {
            JsException syntax = assertThrows(JsException.class, () -> sandbox.eval("var = ;", "bad.js"));
            assertEquals(ErrorKind.SYNTAX, syntax.kind());
            assertEquals("SyntaxError", syntax.name());
            JsException runtime = assertThrows(JsException.class, () -> sandbox.eval("\n\nnull.x", "run.js"));
            assertEquals(ErrorKind.RUNTIME, runtime.kind());
            assertEquals("TypeError", runtime.name());
            assertEquals(3, runtime.line().orElseThrow());
            assertEquals("RangeError", assertThrows(JsException.class, () -> sandbox.eval("new Array(-1)")).name());
            assertEquals(IntNode.valueOf(2), sandbox.eval("1 + 1").value());
        }
    }

    @Test
    void limits() {
        try (Sandbox sandbox = Sandbox.create(config(Engine.AOT).timeout(Duration.ofMillis(200)).build())) {
            ScriptTimeoutException timeout = assertThrows(ScriptTimeoutException.class, () -> sandbox.eval("for (;;) {}"));
            assertFalse(timeout.sandboxWasReset());
            assertEquals(IntNode.valueOf(1), sandbox.eval("1").value());
        }
        try (Sandbox sandbox = Sandbox.create(config(Engine.AOT).memoryLimitBytes(1 << 20).build())) {
            assertThrows(MemoryLimitException.class, () -> sandbox.eval("var a = []; for (;;) a.push('x' + a.length);"));
            assertEquals(IntNode.valueOf(1), sandbox.eval("1").value());
        }
        try (Sandbox sandbox = Sandbox.create(config(Engine.AOT).maxOutputBytes(100).build())) {
            assertThrows(OutputLimitException.class, () -> sandbox.eval("for (;;) print('spam');"));
        }
        try (Sandbox sandbox = Sandbox.create(config(Engine.AOT).fuelLimit(100_000).evaluateOnCallerThread(true).build())) {
            assertEquals(IntNode.valueOf(3), sandbox.eval("1 + 2").value());
            assertThrows(FuelExhaustedException.class, () -> sandbox.eval("for (;;) {}"));
        }
    }

    public record Item(String sku, int quantity) {}

    public record Total(int items, String first) {}

    /** Data binding reflects on the host's types but defines no class: it works under the policy. */
    @Test
    void typedHostFunctionsAndResults() {
        SandboxConfig settings = config(Engine.AOT)
                .hostFunction("count", Item[].class, Total.class,
                        items -> new Total(java.util.Arrays.stream(items).mapToInt(Item::quantity).sum(), items[0].sku()))
                .build();
        try (Sandbox sandbox = Sandbox.create(settings)) {
            assertEquals(new Total(5, "a"), sandbox.eval("count([{sku: 'a', quantity: 2}, {sku: 'b', quantity: 3}])", Total.class));
            assertEquals("host function 'count': its argument does not map to Item[] (at $[0].quantity: expected int, got \"2\")",
                    sandbox.eval("try { count([{sku: 'a', quantity: '2'}]); } catch (e) { e.message }").display());
            sandbox.eval("function first(items) { return items[0]; }");
            assertEquals(new Item("z", 1), sandbox.call("first", Item.class, java.util.List.of(new Item("z", 1))));
        }
    }

    /** The interpreter generates no code either. */
    @Test
    void theInterpreterRunsToo() {
        try (Sandbox sandbox = Sandbox.create(config(Engine.INTERPRETER).build())) {
            assertEquals(IntNode.valueOf(55), sandbox.eval(
                    "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(10)").value());
        }
    }

    /** Chicory's run-time compiler makes a class loader for the classes it generates: refused. */
    @Test
    void theRunTimeCompilerIsRefused() {
        SandboxException refused = assertThrows(SandboxException.class, () -> Sandbox.create(config(Engine.COMPILER).build()));
        Throwable cause = refused;
        while (cause != null && !(cause instanceof SecurityException)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, "not refused by the policy: " + refused);
        assertTrue(cause.getMessage().contains("createClassLoader"), cause.getMessage());
    }
}
