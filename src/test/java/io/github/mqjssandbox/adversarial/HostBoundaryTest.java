package io.github.mqjssandbox.adversarial;

import static io.github.mqjssandbox.adversarial.Adversary.assertStillWorks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxStateException;
import io.github.mqjssandbox.ScriptTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The boundary between the script and the host: host functions that misbehave, payloads
 * that are huge, deep or malformed, and hosts that call back into or close the sandbox.
 */
class HostBoundaryTest {

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
