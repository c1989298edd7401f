package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Evaluation on the calling thread: same behaviour, and the caller's interrupt state is left alone. */
class CallerThreadTest {

    private static Sandbox open(Engine engine, Duration timeout) {
        return TestSandboxes.open(engine, b -> b.evaluateOnCallerThread(true).timeout(timeout)
                .hostFunction("whoRuns", args -> com.fasterxml.jackson.databind.node.TextNode.valueOf(
                        Thread.currentThread().getName())));
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"AOT", "COMPILER"})
    void evaluatesOnTheCallersThread(Engine engine) {
        try (Sandbox sandbox = open(engine, Duration.ofSeconds(5))) {
            assertEquals(Thread.currentThread().getName(), sandbox.eval("whoRuns()").display());
            assertEquals(IntNode.valueOf(3), sandbox.eval("1 + 2").value());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"AOT", "COMPILER"})
    void timeoutsStopTheScriptAndLeaveNoInterruptBehind(Engine engine) {
        try (Sandbox sandbox = open(engine, Duration.ofMillis(100))) {
            assertThrows(ScriptTimeoutException.class, () -> sandbox.eval("for (;;) {}"));
            assertFalse(Thread.currentThread().isInterrupted());
            for (int i = 0; i < 200; i++) {
                sandbox.eval("var x = " + i + ";");
                assertFalse(Thread.interrupted(), "no stray interrupt after run " + i);
            }
        }
    }

    @Test
    void theInterpreterKeepsItsOwnThread() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SandboxConfig.builder()
                .engine(Engine.INTERPRETER).evaluateOnCallerThread(true).build());
        assertTrue(e.getMessage().contains("interpreter"));
    }

    @Test
    void anotherThreadIsStillRefusedWhileOneRuns() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.evaluateOnCallerThread(true)
                .hostFunction("block", args -> {
                    inside.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    return IntNode.valueOf(9);
                }))) {
            CompletableFuture<EvalResult> first = CompletableFuture.supplyAsync(() -> sandbox.eval("block()"));
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            assertThrows(SandboxStateException.class, () -> sandbox.eval("1"));
            release.countDown();
            assertEquals(IntNode.valueOf(9), first.get(30, TimeUnit.SECONDS).value());
        }
    }
}
