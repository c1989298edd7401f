package io.github.mqjssandbox.adversarial;

import static io.github.mqjssandbox.adversarial.Adversary.assertEvaluates;
import static io.github.mqjssandbox.adversarial.Adversary.assertFails;
import static io.github.mqjssandbox.adversarial.Adversary.assertStillWorks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.ErrorKind;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.HostFunctionError;
import io.github.mqjssandbox.HostFunctionException;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.MemoryLimitException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.SandboxInternalException;
import io.github.mqjssandbox.SandboxStateException;
import io.github.mqjssandbox.ScriptTimeoutException;
import io.github.mqjssandbox.internal.JsonTrees;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The boundary between the script and the host: host functions that misbehave, payloads
 * that are huge, deep or malformed, and hosts that call back into or close the sandbox.
 */
@Timeout(120) // a deadlock would fail here instead of hanging the build
class HostBoundaryTest {
    /** Small enough that even the interpreter builds and stringifies a larger argument quickly. */
    private static final int PAYLOAD = 64 << 10;

    /** A string of 2^doublings characters, built quickly in every engine. */
    private static String doubled(String seed, int doublings) {
        return "(function () { var s = '" + seed + "'; for (var i = 0; i < " + doublings + "; i++) s += s; return s; })()";
    }

    private static JsonNode nestedArrays(int depth) {
        JsonNode node = IntNode.valueOf(0);
        for (int i = 0; i < depth; i++) {
            node = JsonTrees.nodes().arrayNode().add(node);
        }
        return node;
    }

    // ---- arguments ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hugeOrTooDeepArgumentsAreRefusedBeforeTheFunctionRuns(Engine engine) {
        List<JsonNode> received = new ArrayList<>();
        try (Sandbox sandbox = Adversary.open(engine, b -> b.maxHostPayloadBytes(PAYLOAD).hostFunction("sink", args -> {
            received.add(args);
            return IntNode.valueOf(args.size());
        }))) {
            assertEquals(TextNode.valueOf("host function 'sink': arguments exceed 65536 bytes"), assertEvaluates(sandbox,
                    "try { sink(" + doubled("x", 17) + "); } catch (e) { e.message }").value());
            assertEquals(IntNode.valueOf(1), assertEvaluates(sandbox,
                    "var v = 0; for (var i = 0; i < 999; i++) v = [v]; sink(v)").value(),
                    "999 levels, 1000 with the argument list: the deepest that is read");
            assertEquals(TextNode.valueOf("host function 'sink': arguments nest deeper than 1000 levels"),
                    assertEvaluates(sandbox, "try { sink([v]); } catch (e) { e.message }").value());
            HostFunctionException e = assertFails(HostFunctionException.class, sandbox, "sink([v])");
            assertEquals("sink", e.functionName());
            assertEquals(1, received.size(), "the function ran only for the arguments it could read");
        }
    }

    /** Prototype pollution and a replaced JSON.stringify change nothing the host receives. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void whatTheHostReceivesIsOnlyTheArgumentsOwnJson(Engine engine) throws Exception {
        List<JsonNode> received = new ArrayList<>();
        try (Sandbox sandbox = Adversary.open(engine, b -> b.hostFunction("sink", args -> {
            received.add(args);
            return null;
        }))) {
            assertEvaluates(sandbox, "Object.prototype.polluted = 'p'; Array.prototype.extra = 'e';"
                    + " JSON.stringify = function () { return '\"forged\"'; };"
                    + " sink({a: 1, toJSON: function () { return 'x'; }}, [1, undefined, 3], undefined, function () {}, NaN, -0, 1e400)");
            assertEquals(JsonTrees.parse("[{\"a\":1,\"toJSON\":null},[1,null,3],null,null,null,0,null]"), received.get(0));
        }
    }

    // ---- what host functions do ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hostFunctionsThatThrowGiveTheScriptACatchableErrorWithoutJavaDetail(Engine engine) {
        RuntimeException runtime = new IllegalStateException("secret /etc/shadow");
        try (Sandbox sandbox = Adversary.open(engine, b -> b
                .hostFunction("runtime", args -> {
                    throw runtime;
                })
                .hostFunction("checked", args -> {
                    throw new IOException("secret path");
                })
                .hostFunction("long", args -> {
                    throw new HostFunctionError("m".repeat(100_000));
                })
                .hostFunction("nothing", args -> {
                    throw new HostFunctionError(null);
                })
                .hostFunction("odd", args -> {
                    throw new HostFunctionError("a\u0000b\ud800c");
                }))) {
            assertEquals(TextNode.valueOf("host function 'runtime' failed|host function 'checked' failed"),
                    assertEvaluates(sandbox, "var seen = [];"
                            + " try { runtime(); } catch (e1) { seen.push(e1.message); }"
                            + " try { checked(); } catch (e2) { seen.push(e2.message); } seen.join('|')").value());
            assertEquals(TextNode.valueOf("Error 1027 mmm..."), assertEvaluates(sandbox,
                    "try { long(); } catch (e) { e.name + ' ' + e.message.length + ' ' + e.message.slice(1021) }").value(),
                    "messages are cut at 1024 characters");
            assertEquals(TextNode.valueOf("null"), assertEvaluates(sandbox, "try { nothing(); } catch (e) { e.message }").value());
            assertEquals(TextNode.valueOf("a\u0000b\ud800c"), assertEvaluates(sandbox, "try { odd(); } catch (e) { e.message }").value(),
                    "NUL and a lone surrogate in the message arrive unchanged (WTF-8)");
            HostFunctionException uncaught = assertFails(HostFunctionException.class, sandbox, "runtime()");
            assertEquals(ErrorKind.HOST, uncaught.kind());
            assertSame(runtime, uncaught.getCause());
        }
    }

    /**
     * The host tells a host failure from the script's own error by its name and message
     * (HostFunctionException with the Java cause): a script can pass its own Error off as one,
     * but only with the message of a failure that really happened in the same evaluation.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aScriptCanMimicAHostFailureOnlyAfterARealOne(Engine engine) {
        IOException cause = new IOException("disk");
        try (Sandbox sandbox = Adversary.open(engine, b -> b.hostFunction("boom", args -> {
            throw cause;
        }))) {
            String forged = "throw new Error(\"host function 'boom' failed\")";
            JsException own = assertFails(JsException.class, sandbox, forged);
            assertEquals(ErrorKind.RUNTIME, own.kind());
            HostFunctionException mimic = assertFails(HostFunctionException.class, sandbox,
                    "try { boom(); } catch (e) {} " + forged);
            assertSame(cause, mimic.getCause(), "the cause is the real failure's");
        }
    }

    /**
     * A JVM Error from a host function (OutOfMemoryError, AssertionError...) is not turned into
     * a JS error the script could catch: the evaluation ends with an internal error and the
     * instance it was running in is replaced.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHostFunctionThrowingAJvmErrorEndsTheEvaluationWithAReset(Engine engine) {
        OutOfMemoryError oom = new OutOfMemoryError("simulated");
        try (Sandbox sandbox = Adversary.open(engine, b -> b
                .hostFunction("oom", args -> {
                    throw oom;
                })
                .hostFunction("assertion", args -> {
                    throw new AssertionError("broken invariant");
                }))) {
            sandbox.eval("var before = 1");
            SandboxInternalException e = assertFails(SandboxInternalException.class, sandbox,
                    "try { oom(); } catch (e) { 'caught' }");
            assertEquals("the engine failed (OutOfMemoryError: simulated); the sandbox was reset", e.getMessage());
            assertEquals("undefined", sandbox.eval("typeof before").display());
            SandboxInternalException assertion = assertFails(SandboxInternalException.class, sandbox, "assertion()");
            assertInstanceOf(AssertionError.class, rootCause(assertion));
            assertSame(oom, rootCause(e));
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A host function blocked where Java can interrupt it is interrupted at the hard stop; the script is then stopped. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHostFunctionThatBlocksIsInterruptedAndTheScriptStopped(Engine engine) {
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Throwable> sawInterrupt = new AtomicReference<>();
        try (Sandbox sandbox = Adversary.open(engine, b -> b
                .timeout(Duration.ofMillis(200))
                .hardStopGrace(Duration.ofMillis(100))
                .hostFunction("block", args -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        sawInterrupt.set(e);
                        throw e;
                    }
                    return null;
                }))) {
            long start = System.nanoTime();
            ScriptTimeoutException e = assertFails(ScriptTimeoutException.class, sandbox,
                    "try { block(); } catch (e) { for (;;) {} }");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 300, millis + " ms: not before the timeout and its grace");
            assertInstanceOf(InterruptedException.class, sawInterrupt.get());
            assertFalse(e.sandboxWasReset(), "the engine itself stopped the script after the host call returned");
        }
    }

    /**
     * A host function that ignores interrupts cannot be stopped: past the timeout, the grace
     * and 5 s more, its thread is abandoned and the sandbox closed, saying so.
     */
    @Test
    void aHostFunctionThatIgnoresInterruptsIsAbandonedAndItsSandboxClosed() {
        AtomicBoolean release = new AtomicBoolean();
        try (Sandbox sandbox = Adversary.open(Engine.AOT, b -> b
                .timeout(Duration.ofMillis(100))
                .hardStopGrace(Duration.ofMillis(100))
                .hostFunction("stubborn", args -> {
                    while (!release.get()) {
                        Thread.onSpinWait();
                    }
                    return null;
                }))) {
            ScriptTimeoutException e = assertThrows(ScriptTimeoutException.class, () -> sandbox.eval("stubborn()"));
            release.set(true);
            assertTrue(e.sandboxWasReset());
            assertTrue(sandbox.isClosed());
            assertEquals("the sandbox was closed: its engine did not stop after the timeout",
                    assertThrows(SandboxStateException.class, () -> sandbox.eval("1 + 1")).getMessage());
        } finally {
            release.set(true);
        }
        try (Sandbox replacement = Adversary.open(Engine.AOT)) {
            assertStillWorks(replacement);
        }
    }

    /** On the caller's thread there is no thread to abandon: the call returns when the host function does, as a timeout. */
    @Test
    void onTheCallersThreadAHostFunctionThatIgnoresInterruptsDelaysTheTimeout() {
        try (Sandbox sandbox = Adversary.open(Engine.AOT, b -> b
                .evaluateOnCallerThread(true)
                .timeout(Duration.ofMillis(100))
                .hardStopGrace(Duration.ofMillis(100))
                .hostFunction("stubborn", args -> {
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700);
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    return null;
                }))) {
            long start = System.nanoTime();
            ScriptTimeoutException e = assertFails(ScriptTimeoutException.class, sandbox, "stubborn(); for (;;) {}");
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 700);
            assertTrue(e.sandboxWasReset(), "the interrupt stopped the engine where it was");
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }

    // ---- results ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hostResultsAreBoundedAndArriveAsJsValues(Engine engine) throws Exception {
        try (Sandbox sandbox = Adversary.open(engine, b -> b
                .maxHostPayloadBytes(PAYLOAD)
                .hostFunction("flood", args -> TextNode.valueOf("y".repeat(PAYLOAD)))
                .hostFunction("deep", args -> nestedArrays(args.get(0).asInt()))
                .hostFunction("nonFinite", args -> JsonTrees.nodes().arrayNode().add(DoubleNode.valueOf(Double.NaN)))
                .hostFunction("odd", args -> JsonTrees.nodes().arrayNode()
                        .add(BigIntegerNode.valueOf(BigInteger.TEN.pow(400))).add(DecimalNode.valueOf(new BigDecimal("1e400")))
                        .add(BooleanNode.TRUE).add(JsonTrees.nodes().nullNode())))) {
            assertEquals(TextNode.valueOf("host function 'flood': result exceeds 65536 bytes"),
                    assertEvaluates(sandbox, "try { flood(); } catch (e) { e.message }").value(), "the quotes count");
            assertEquals(IntNode.valueOf(1001), assertEvaluates(sandbox,
                    "var d = deep(1001), n = 0; while (typeof d === 'object') { d = d[0]; n++; } n").value());
            assertEquals(TextNode.valueOf("host function 'deep' returned a value that is not JSON"),
                    assertEvaluates(sandbox, "try { deep(1002); } catch (e) { e.message }").value());
            assertEquals(TextNode.valueOf("host function 'nonFinite' returned a value that is not JSON"),
                    assertEvaluates(sandbox, "try { nonFinite(); } catch (e) { e.message }").value(),
                    "NaN and the infinities are not JSON: refused, never turned into strings");
            assertEquals(JsonTrees.parse("[null,null,true,null]"),
                    assertEvaluates(sandbox, "odd()").value(), "huge numbers arrive as Infinity (JSON null)");
            assertEquals(TextNode.valueOf("number number Infinity"), assertEvaluates(sandbox,
                    "var o = odd(); [typeof o[0], typeof o[1], o[0]].join(' ')").value());
        }
    }

    /** A result within the payload limit but larger than the heap is a memory error, in the parse of the reply. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aResultLargerThanTheHeapIsAMemoryLimit(Engine engine) {
        try (Sandbox sandbox = Adversary.open(engine, b -> b
                .memoryLimitBytes(64 << 10)
                .hostFunction("big", args -> TextNode.valueOf("z".repeat(100_000))))) {
            MemoryLimitException e = assertFails(MemoryLimitException.class, sandbox, "big().length");
            assertEquals("memory: limit 65536 bytes reached (not enough memory)", e.getMessage());
        }
    }

    // ---- re-entrancy ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHostFunctionCannotReenterItsOwnSandboxButCanUseAnother(Engine engine) {
        reentry(engine, false);
    }

    @Test
    void reentryIsRefusedOnTheCallersThreadToo() {
        reentry(Engine.AOT, true);
    }

    private static void reentry(Engine engine, boolean onCallerThread) {
        Sandbox[] self = new Sandbox[1];
        List<Throwable> refusals = new ArrayList<>();
        try (Sandbox other = Adversary.open(engine);
                Sandbox sandbox = Adversary.open(engine, b -> b
                        .evaluateOnCallerThread(onCallerThread)
                        .hostFunction("evalSelf", args -> tryTo(refusals, () -> self[0].eval("1")))
                        .hostFunction("callSelf", args -> tryTo(refusals, () -> self[0].call("Math.max")))
                        .hostFunction("resetSelf", args -> tryTo(refusals, () -> {
                            self[0].reset();
                            return null;
                        }))
                        .hostFunction("evalOther", args -> other.eval(args.get(0).asText()).value()))) {
            self[0] = sandbox;
            assertEquals(TextNode.valueOf("host function 'evalSelf' failed|host function 'callSelf' failed|"
                    + "host function 'resetSelf' failed|42"), assertEvaluates(sandbox, "var kept = 1, seen = [];"
                            + " try { evalSelf(); } catch (e1) { seen.push(e1.message); }"
                            + " try { callSelf(); } catch (e2) { seen.push(e2.message); }"
                            + " try { resetSelf(); } catch (e3) { seen.push(e3.message); }"
                            + " seen.push(evalOther('6 * 7')); seen.join('|')").value());
            assertEquals(3, refusals.size());
            for (Throwable refusal : refusals) {
                assertEquals(SandboxStateException.class, refusal.getClass(), refusal::toString);
            }
            assertEquals(IntNode.valueOf(1), sandbox.eval("kept").value(), "the refused reset did not happen");
            HostFunctionException uncaught = assertFails(HostFunctionException.class, sandbox, "evalSelf()");
            assertInstanceOf(SandboxStateException.class, uncaught.getCause());
        }
    }

    private interface Attempt {
        Object run() throws Exception;
    }

    private static JsonNode tryTo(List<Throwable> refusals, Attempt attempt) throws Exception {
        try {
            attempt.run();
        } catch (Exception e) {
            refusals.add(e);
            throw e;
        }
        return null;
    }

    // ---- encodings ----

    /**
     * Lone surrogates and NUL cross the boundary both ways. JSON keeps them exact (JS escapes
     * lone surrogates, Java holds them); text read as UTF-8 (display, output, messages)
     * shows U+FFFD; Java source text is encoded as UTF-8 first, so a lone surrogate in it is '?'.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void loneSurrogatesAndNulCrossTheBoundaryBothWays(Engine engine) throws Exception {
        List<JsonNode> received = new ArrayList<>();
        try (Sandbox sandbox = Adversary.open(engine, b -> b
                .hostFunction("echo", args -> {
                    received.add(args);
                    return args;
                })
                .hostFunction("give", args -> JsonTrees.nodes().arrayNode().add("x\ud800y").add("\udc00").add("a\u0000b")))) {
            assertEquals(BooleanNode.TRUE, assertEvaluates(sandbox, "var sent = ['a\\u0000b', 'x\\ud800y', '\\udc00', '\\ud83d\\ude00'];"
                    + " var back = echo.apply(null, sent); back.length === 4 && back.every(function (s, i) { return s === sent[i]; })").value());
            ArrayNode seen = (ArrayNode) received.get(0);
            assertEquals("a\u0000b", seen.get(0).textValue());
            assertEquals("x\ud800y", seen.get(1).textValue());
            assertEquals("\udc00", seen.get(2).textValue());
            assertEquals("\ud83d\ude00", seen.get(3).textValue());
            assertEquals(JsonTrees.parse("[55296, 56320, 0]"), assertEvaluates(sandbox,
                    "var g = give(); [g[0].charCodeAt(1), g[1].charCodeAt(0), g[2].charCodeAt(1)]").value());

            EvalResult lone = assertEvaluates(sandbox, "print('p\\ud800q'); 'x\\ud800y'");
            assertEquals("x\ud800y", lone.value().textValue());
            assertEquals("x\ud800y", lone.display());
            assertEquals("p\ud800q\n", lone.output());
            assertEquals("x\ud800y", assertFails(JsException.class, sandbox, "throw new Error('x\\ud800y')").jsMessage());
            sandbox.eval("function codes(s) { var c = []; for (var i = 0; i < s.length; i++) c.push(s.charCodeAt(i)); return c; }");
            assertEquals(JsonTrees.parse("[120, 55296, 0]"), sandbox.call("codes", TextNode.valueOf("x\ud800\u0000")).value(),
                    "call() arguments keep them too");
            assertThrows(IllegalArgumentException.class, () -> sandbox.call("codes\u0000ignored", TextNode.valueOf("x")),
                    "a NUL would cut the name short in C: 'codes\\0ignored' would call codes");

            assertEquals(IntNode.valueOf(0xd800), assertEvaluates(sandbox, "'\ud800'.charCodeAt(0)").value(),
                    "a raw lone surrogate in source text arrives as itself (WTF-8)");
            assertEquals("unexpected end of string", assertFails(JsException.class, sandbox, "'a\u0000b'.length").jsMessage());
            assertEquals("unexpected character in expression", assertFails(JsException.class, sandbox, "1 +\u0000 2").jsMessage());
        }
    }

    /** close() from the sandbox's own host function ends the evaluation as a state error, not an untyped one. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHostFunctionThatClosesItsOwnSandboxEndsTheEvaluationWithAStateError(Engine engine) {
        Sandbox[] self = new Sandbox[1];
        try (Sandbox sandbox = Adversary.open(engine, b -> b.hostFunction("closeMe", args -> {
            self[0].close();
            return null;
        }))) {
            self[0] = sandbox;
            SandboxStateException e = assertThrows(SandboxStateException.class,
                    () -> sandbox.eval("print('before'); closeMe(); for (;;) {}"));
            assertEquals("the sandbox was closed during the evaluation", e.getMessage());
            assertEquals("before\n", e.output());
            assertTrue(sandbox.isClosed());
            assertEquals("the sandbox is closed",
                    assertThrows(SandboxStateException.class, () -> sandbox.eval("1 + 1")).getMessage());
        }
        try (Sandbox replacement = Adversary.open(engine)) {
            assertStillWorks(replacement);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void closingFromAnotherThreadStopsARunawayEvaluationWithAStateError(Engine engine) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        try (Sandbox sandbox = Adversary.open(engine, b -> b.hostFunction("started", args -> {
            running.countDown();
            return null;
        }))) {
            CompletableFuture<EvalResult> evaluation =
                    CompletableFuture.supplyAsync(() -> sandbox.eval("started(); for (;;) {}"));
            assertTrue(running.await(30, TimeUnit.SECONDS));
            sandbox.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> evaluation.get(30, TimeUnit.SECONDS));
            assertEquals(SandboxStateException.class, e.getCause().getClass(), e.getCause()::toString);
            assertEquals("the sandbox was closed during the evaluation", e.getCause().getMessage());
            assertThrows(SandboxStateException.class, () -> sandbox.eval("1 + 1"));
        }
        try (Sandbox replacement = Adversary.open(engine)) {
            assertStillWorks(replacement);
        }
    }

    /** On the caller's thread too, close() stops the running evaluation at once. */
    @Test
    void onTheCallersThreadCloseStopsTheRunningEvaluation() {
        Sandbox[] self = new Sandbox[1];
        try (Sandbox sandbox = Adversary.open(Engine.AOT, b -> b
                .evaluateOnCallerThread(true)
                .timeout(Adversary.SHORT_TIMEOUT)
                .hostFunction("closeMe", args -> {
                    self[0].close();
                    return null;
                }))) {
            self[0] = sandbox;
            SandboxStateException e = assertThrows(SandboxStateException.class, () -> sandbox.eval("closeMe(); for (;;) {}"));
            assertEquals("the sandbox was closed during the evaluation", e.getMessage());
            assertTrue(sandbox.isClosed());
            assertThrows(SandboxStateException.class, () -> sandbox.eval("1 + 1"));
        }
    }
}
