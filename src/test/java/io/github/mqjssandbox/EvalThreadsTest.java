package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Evaluations share a bounded set of evaluation threads; idle sandboxes hold none. */
class EvalThreadsTest {
    private static final ExecutorService CALLERS = Executors.newCachedThreadPool();

    @AfterAll
    static void stopCallers() {
        CALLERS.shutdownNow();
    }

    static long evalThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(EvalThreads.NAME_PREFIX)).count();
    }

    @Test
    void manySandboxesFewThreads() throws Exception {
        List<Sandbox> sandboxes = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Sandbox sandbox = TestSandboxes.open(Engine.AOT);
                sandbox.eval("var id = " + i);
                sandboxes.add(sandbox);
            }
            List<Future<Integer>> results = new ArrayList<>();
            for (Sandbox sandbox : sandboxes) {
                results.add(CALLERS.submit(() -> sandbox.eval("id").value().asInt()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i, results.get(i).get(60, TimeUnit.SECONDS));
            }
            assertTrue(evalThreads() <= EvalThreads.maximumSize(), evalThreads() + " threads for 300 sandboxes");
        } finally {
            sandboxes.forEach(Sandbox::close);
        }
    }

    /**
     * With every evaluation thread busy, a waiting evaluation's time limit has not started: it
     * waits longer than its limit for a thread and still succeeds.
     */
    @Test
    void theTimeLimitStartsWhenAThreadTakesTheEvaluation() throws Exception {
        java.util.concurrent.Semaphore started = new java.util.concurrent.Semaphore(0);
        CountDownLatch release = new CountDownLatch(1);
        SandboxConfig blocking = TestSandboxes.config(Engine.AOT).hostFunction("block", args -> {
            started.release();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TextNode.valueOf("released");
        }).build();
        List<Sandbox> busy = new ArrayList<>();
        List<Future<String>> blocked = new ArrayList<>();
        try {
            while (EvalThreads.busyThreads() < EvalThreads.maximumSize()) { // one blocked evaluation per thread
                Sandbox sandbox = Sandbox.create(blocking);
                busy.add(sandbox);
                blocked.add(CALLERS.submit(() -> sandbox.eval("block()").value().asText()));
                assertTrue(started.tryAcquire(60, TimeUnit.SECONDS), "a blocking evaluation did not start");
            }
            try (Sandbox waiting = TestSandboxes.open(Engine.AOT, b -> b.timeout(Duration.ofMillis(200)))) {
                long submitted = System.nanoTime();
                Future<Integer> queued = CALLERS.submit(() -> waiting.eval("6 * 7").value().asInt());
                Thread.sleep(400); // hold every thread for twice the waiting evaluation's limit
                release.countDown();
                assertEquals(42, queued.get(60, TimeUnit.SECONDS));
                long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitted);
                assertTrue(waitedMillis >= 400, "it waited " + waitedMillis + " ms");
            }
            for (Future<String> f : blocked) {
                assertEquals("released", f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            release.countDown();
            busy.forEach(Sandbox::close);
        }
    }

    /**
     * A host function may evaluate in another sandbox even when every evaluation thread is busy
     * doing the same: the nested evaluation runs on the thread that called it.
     */
    @Test
    void nestedEvaluationsNeverWaitForAThread() throws Exception {
        int outer = EvalThreads.SIZE * 2;
        CountDownLatch allInside = new CountDownLatch(EvalThreads.SIZE);
        List<Sandbox> sandboxes = new ArrayList<>();
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < outer; i++) {
                Sandbox inner = TestSandboxes.open(Engine.AOT);
                inner.eval("var name = 'inner" + i + "'");
                sandboxes.add(inner);
                Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.hostFunction("ask", args -> {
                    allInside.countDown();
                    try {
                        allInside.await(10, TimeUnit.SECONDS); // all threads inside a host function at once
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return TextNode.valueOf(inner.eval("name").value().asText());
                }));
                sandboxes.add(sandbox);
                results.add(CALLERS.submit(() -> sandbox.eval("ask()").value().asText()));
            }
            for (int i = 0; i < outer; i++) {
                assertEquals("inner" + i, results.get(i).get(60, TimeUnit.SECONDS));
            }
        } finally {
            sandboxes.forEach(Sandbox::close);
        }
    }
}
