package io.github.mqjssandbox.transpile;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs compiles on threads of their own: a stack of a chosen size, so deep recursion ends in a
 * {@link StackOverflowError} on that thread, never the caller's, and a deadline, after which the
 * caller gets {@link TranspileException.Problem#TIMEOUT} at once. The late compile is
 * interrupted (Closure checks at the start of every pass) and keeps its permit until it ends,
 * so at most {@code maxConcurrent} compiles ever burn processors at once.
 */
final class CompileThreads {
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    private final Semaphore permits;
    private final long stackBytes;

    CompileThreads(int maxConcurrent, long stackBytes) {
        this.permits = new Semaphore(maxConcurrent, true);
        this.stackBytes = stackBytes;
    }

    <T> T run(Supplier<T> compile, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TranspileException(TranspileException.Problem.TIMEOUT,
                        "no compiler thread became free within " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker;
        try {
            worker = new Thread(null, () -> {
                try {
                    result.complete(compile.get());
                } catch (Throwable t) { // StackOverflowError above all: it must end here, typed
                    result.completeExceptionally(t);
                } finally {
                    permits.release();
                }
            }, "mquickjs-transpile-" + THREAD_NUMBERS.incrementAndGet(), stackBytes);
            worker.setDaemon(true);
            worker.start();
        } catch (RuntimeException | Error e) { // no thread: give the permit back
            permits.release();
            throw new TranspileException(TranspileException.Problem.INTERNAL, "cannot start a compiler thread: " + e, e);
        }
        try {
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new TranspileException(TranspileException.Problem.TIMEOUT,
                    "the transpile did not finish within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            worker.interrupt();
            throw interrupted(e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private static TranspileException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new TranspileException(TranspileException.Problem.INTERNAL, "interrupted while transpiling", e);
    }

    /** What a compile threw, as a typed exception; a stack overflow anywhere in the chain means nesting. */
    private static TranspileException failure(Throwable thrown) {
        if (thrown instanceof TranspileException typed) {
            return typed;
        }
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 64; t = t.getCause(), depth++) { // bounded: causes may cycle
            if (t instanceof StackOverflowError) {
                return new TranspileException(TranspileException.Problem.NESTING_TOO_DEEP,
                        "the source is nested too deep for the compiler (its stack overflowed)", thrown);
            }
        }
        return new TranspileException(TranspileException.Problem.INTERNAL, "the compiler failed: " + thrown, thrown);
    }
}
