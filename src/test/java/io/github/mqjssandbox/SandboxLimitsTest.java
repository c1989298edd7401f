package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxLimitsTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void timeoutStopsLoopsEvenInsideTryCatchAndTheSandboxRecovers(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b.timeout(Duration.ofMillis(200)))) {
            sandbox.eval("var survivor = 'still here';");
            ScriptTimeoutException plain = assertThrows(ScriptTimeoutException.class, () -> sandbox.eval("for (;;) {}"));
            assertEquals(ErrorKind.TIMEOUT, plain.kind());
            assertEquals(200, plain.limit());
            assertFalse(plain.sandboxWasReset(), "the engine stopped itself cleanly");
            assertEquals("timeout: limit 200 ms reached", plain.getMessage());
            assertThrows(ScriptTimeoutException.class,
                    () -> sandbox.eval("for (;;) { try { for (;;) {} } catch (e) {} finally { } }"));
            assertEquals("still here", sandbox.eval("survivor").display());
        }
    }

    /** Callbacks run by builtins may swallow the interrupt; the host remembers it asked. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void timeoutInsideABuiltinCallbackIsStillATimeout(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b.timeout(Duration.ofMillis(200)))) {
            assertThrows(ScriptTimeoutException.class, () -> sandbox.eval(
                    "try { [3, 2, 1].sort(function (a, b) { for (;;) {} }); } catch (e) {} 'finished'"));
            assertThrows(ScriptTimeoutException.class, () -> sandbox.eval(
                    "var o = {}; Object.defineProperty(o, 'x', {get: function () { for (;;) {} }});"
                            + " try { o.x; } catch (e) {} 'finished'"));
            assertEquals(IntNode.valueOf(2), sandbox.eval("1 + 1").value());
        }
    }

    @Test
    void aBuiltinThatNeverPollsIsStoppedHardAndTheSandboxIsReset() {
        // In the interpreter a 4-million-element join runs for seconds in C code that never
        // polls the interrupt handler: only the hard stop (thread interrupt) ends it.
        try (Sandbox sandbox = TestSandboxes.open(Engine.INTERPRETER, b -> b
                .timeout(Duration.ofMillis(100))
                .hardStopGrace(Duration.ofMillis(100))
                .memoryLimitBytes(64 << 20))) {
            sandbox.eval("var lost = 1;");
            ScriptTimeoutException e = assertThrows(ScriptTimeoutException.class,
                    () -> sandbox.eval("new Array(4000000).join('abcdefgh').length"));
            assertTrue(e.sandboxWasReset());
            assertEquals("undefined", sandbox.eval("typeof lost").display(), "state was reset");
            assertEquals(IntNode.valueOf(3), sandbox.eval("1 + 2").value());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void memoryLimitIsATypedErrorAndTheSandboxRecovers(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b.memoryLimitBytes(1 << 20))) {
            MemoryLimitException e = assertThrows(MemoryLimitException.class,
                    () -> sandbox.eval("var hog = []; for (;;) hog.push('item ' + hog.length);"));
            assertEquals(ErrorKind.MEMORY, e.kind());
            assertEquals(1 << 20, e.limit());
            assertTrue(e.getMessage().startsWith("memory: limit 1048576 bytes reached"), e.getMessage());
            assertEquals(IntNode.valueOf(0), sandbox.eval("hog = null; var fresh = []; fresh.length").value());
            assertEquals(IntNode.valueOf(5050), sandbox.eval(
                    "var s = 0; for (var i = 1; i <= 100; i++) s += i; s").value());
        }
    }

    /**
     * The 32-bit engine keeps a string's UTF-8 length in 25 bits of its header word, so no string
     * reaches 32 MiB whatever the heap; the 64-bit native build allows 2 GiB (docs/limits.md).
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void stringsAreShorterThan32MiBOfUtf8WhateverTheHeap(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            for (String script : new String[] {"'x'.repeat(33554432)", "'\u00e9'.repeat(16777216)"}) {
                JsException e = assertThrows(JsException.class, () -> sandbox.eval(script), script);
                assertEquals("RangeError", e.name(), script);
                assertEquals("invalid repeat count", e.jsMessage(), script);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deepRecursionExhaustsTheJsStackInsideTheMemoryLimit(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b.memoryLimitBytes(1 << 20))) {
            assertThrows(MemoryLimitException.class, () -> sandbox.eval("function down(n) { return down(n + 1) + 1; } down(0)"));
            assertEquals(IntNode.valueOf(1), sandbox.eval("1").value());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"for (;;) print('0123456789');",
            "for (;;) { try { print('0123456789'); } catch (e) {} }",
            "for (;;) { try { console.log('0123456789'); } catch (e) {} } "})
    void outputLimitStopsTheScriptAndKeepsTheOutputUpToTheLimit(String script) {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.maxOutputBytes(100))) {
            OutputLimitException e = assertThrows(OutputLimitException.class, () -> sandbox.eval(script));
            assertEquals(ErrorKind.OUTPUT, e.kind());
            assertEquals(100, e.limit());
            assertEquals("0123456789\n".repeat(10).substring(0, 100), e.output());
            assertEquals("ok\n", sandbox.eval("print('ok')").output(), "the limit is per evaluation");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void outputIsStreamedToTheListener(Engine engine) {
        StringBuilder streamed = new StringBuilder();
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b.outputListener(streamed::append))) {
            sandbox.eval("print('one'); console.log('two', 2)");
            assertEquals("one\ntwo 2\n", streamed.toString());
        }
    }

    /** A JVM error inside the engine's call chain never escapes as such, and never leaves a half-updated heap in use. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStackOverflowInsideTheEngineBecomesATypedErrorAndAReset(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b.hostFunction("overflow", args -> {
            throw new StackOverflowError();
        }))) {
            sandbox.eval("var before = 1;");
            SandboxInternalException e = assertThrows(SandboxInternalException.class, () -> sandbox.eval("overflow()"));
            assertEquals(ErrorKind.INTERNAL, e.kind());
            assertTrue(e.getMessage().contains("JVM stack"), e.getMessage());
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root instanceof StackOverflowError, "the cause chain keeps the JVM error: " + root);
            assertEquals("undefined", sandbox.eval("typeof before").display(), "the instance was replaced");
            assertEquals(IntNode.valueOf(2), sandbox.eval("1 + 1").value());
        }
    }

    @Test
    void oversizedSourceIsRejectedBeforeRunning() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.maxSourceBytes(1000))) {
            assertThrows(IllegalArgumentException.class, () -> sandbox.eval("1;".repeat(600)));
            assertEquals(IntNode.valueOf(1), sandbox.eval("1").value());
        }
    }

    @Test
    void configValidatesEagerly() {
        assertThrows(IllegalArgumentException.class, () -> SandboxConfig.builder().memoryLimitBytes(1000));
        assertThrows(IllegalArgumentException.class, () -> SandboxConfig.builder().timeout(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> SandboxConfig.builder().maxOutputBytes(-1));
        assertThrows(IllegalArgumentException.class, () -> SandboxConfig.builder().hostFunction("not valid", args -> null));
        assertThrows(IllegalArgumentException.class, () -> SandboxConfig.builder().fuelLimit(-5));
    }
}
