package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * cancel() from another thread stops whatever the script is doing and leaves a usable sandbox.
 * How fast is measured by a benchmark (docs/benchmarks.md), not here: this only requires that
 * the evaluation ends, with the right exception.
 */
class CancelTest {
    /** A sandbox with a host function {@code started()} that tells the test the script is running. */
    private static Sandbox open(Engine engine, CountDownLatch started, boolean callerThread) {
        return TestSandboxes.open(engine, b -> b
                .timeout(Duration.ofSeconds(60))
                .memoryLimitBytes(64 << 20)
                .evaluateOnCallerThread(callerThread && engine != Engine.INTERPRETER)
                .hostFunction("started", args -> {
                    started.countDown();
                    return NullNode.getInstance();
                }));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLoopIsStoppedAtItsNextPollAndKeepsItsState(Engine engine) throws Exception {
        for (boolean callerThread : new boolean[] {false, true}) {
            CountDownLatch started = new CountDownLatch(1);
            try (Sandbox sandbox = open(engine, started, callerThread)) {
                sandbox.eval("var kept = 7;");
                EvaluationCancelledException e = cancelWhileRunning(sandbox, started, "started(); for (;;) {}");
                assertEquals(ErrorKind.CANCELLED, e.kind());
                if (engine == Engine.INTERPRETER && e.sandboxWasReset()) {
                    // on a loaded machine the interpreter may not reach its next poll in time
                    assertEquals("undefined", sandbox.eval("typeof kept").display(), "a reset loses the state");
                } else {
                    assertFalse(e.sandboxWasReset(), "a polling loop unwinds cleanly");
                    assertEquals(IntNode.valueOf(7), sandbox.eval("kept").value());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLoopThatCatchesEverythingIsStillStopped(Engine engine) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try (Sandbox sandbox = open(engine, started, false)) {
            cancelWhileRunning(sandbox, started, "started(); for (;;) { try { for (;;) {} } catch (e) {} finally { continue; } }");
            assertEquals(IntNode.valueOf(2), sandbox.eval("1 + 1").value());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "INTERPRETER")
    void aBuiltinThatNeverPollsIsStoppedHardAndTheSandboxReset(Engine engine) throws Exception {
        // In the interpreter this join runs for seconds in C code that never polls.
        CountDownLatch started = new CountDownLatch(1);
        try (Sandbox sandbox = open(engine, started, false)) {
            sandbox.eval("var lost = 1;");
            EvaluationCancelledException e = cancelWhileRunning(sandbox, started,
                    "started(); new Array(4000000).join('abcdefgh').length");
            assertTrue(e.sandboxWasReset());
            assertEquals("undefined", sandbox.eval("typeof lost").display());
            assertEquals(IntNode.valueOf(2), sandbox.eval("1 + 1").value());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void cancelWithNothingRunningChangesNothing(Engine engine) throws Exception {
        try (Sandbox sandbox = open(engine, new CountDownLatch(1), false)) {
            sandbox.cancel();
            sandbox.eval("var x = 1;");
            sandbox.cancel();
            assertEquals(IntNode.valueOf(2), sandbox.eval("x + 1").value());
        }
    }

    /** Starts {@code script} on another thread, cancels once it runs, and checks it ended promptly. */
    private static EvaluationCancelledException cancelWhileRunning(Sandbox sandbox, CountDownLatch started, String script)
            throws Exception {
        CompletableFuture<EvalResult> running = CompletableFuture.supplyAsync(() -> sandbox.eval(script));
        assertTrue(started.await(30, TimeUnit.SECONDS), "the script started");
        sandbox.cancel();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> running.get(30, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof EvaluationCancelledException, String.valueOf(failure.getCause()));
        return (EvaluationCancelledException) failure.getCause();
    }
}
