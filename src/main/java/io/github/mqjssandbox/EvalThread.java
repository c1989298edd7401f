package io.github.mqjssandbox;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The thread a sandbox's engine runs on: one per sandbox, with a stack large enough for
 * deep wasm call chains (each wasm call is a JVM frame, several in the interpreter), and a
 * watchdog that interrupts it when it overruns. A Chicory engine observes the interrupt at
 * its next call or loop iteration; a thread that ignores even that is abandoned (daemon).
 */
final class EvalThread implements TaskRunner {
    static final long STACK_BYTES = 512L << 20;
    /** Chicory sees an interrupt at its next call or loop; on a loaded machine that can take a while. */
    static final long MIN_WAIT_AFTER_INTERRUPT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /**
     * How long each side spins before it parks: the worker for the next task, the caller for
     * the result. Waking a parked thread costs tens of microseconds, more than evaluating a
     * small script, and a sandbox's evaluations often come back to back.
     */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final ExecutorService executor;
    private volatile Thread worker;
    private volatile FutureTask<?> current;

    EvalThread(String name) {
        this.executor = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS, new SpinningQueue(), task -> {
            Thread thread = new Thread(null, task, name, STACK_BYTES);
            thread.setDaemon(true);
            worker = thread;
            return thread;
        });
    }

    /**
     * Runs {@code task} and waits for it: without limit when {@code budgetNanos} is 0;
     * otherwise, past the budget, {@code onOverrun} runs, the thread is interrupted and gets
     * {@code graceNanos} (at least 5 s) more to stop before it is abandoned.
     */
    @Override
    public <T> Outcome<T> run(Callable<T> task, long budgetNanos, long graceNanos, Runnable onOverrun) {
        FutureTask<T> future = new FutureTask<>(() -> {
            Thread.interrupted(); // a stale interrupt from an earlier overrun must not stop this task
            return task.call();
        });
        current = future;
        try {
            executor.execute(future);
        } catch (RejectedExecutionException closed) {
            return new Failed<>(closed); // close() shut the thread down
        }
        spinUntilDone(future);
        boolean interrupted = false;
        try {
            try {
                return new Finished<>(budgetNanos == 0 ? future.get() : future.get(budgetNanos, TimeUnit.NANOSECONDS));
            } catch (TimeoutException | InterruptedException overrun) {
                if (overrun instanceof InterruptedException) {
                    interrupted = true;
                }
                onOverrun.run();
                worker.interrupt();
                try {
                    long abandonAfter = Math.max(graceNanos, MIN_WAIT_AFTER_INTERRUPT_NANOS);
                    return new Finished<>(future.get(abandonAfter, TimeUnit.NANOSECONDS));
                } catch (TimeoutException | InterruptedException stuck) {
                    interrupted |= stuck instanceof InterruptedException;
                    close();
                    return new Abandoned<>();
                }
            }
        } catch (ExecutionException e) {
            return new Failed<>(e.getCause());
        } catch (CancellationException closed) {
            return new Failed<>(closed); // close() took the task off the queue before it started
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Object runningTask() {
        FutureTask<?> task = current;
        return task == null || task.isDone() ? null : task;
    }

    /** A late interrupt (the task just finished) is harmless: the next task clears it first. */
    @Override
    public void interrupt(Object task) {
        if (task == current && task instanceof FutureTask<?> future && !future.isDone()) {
            worker.interrupt();
        }
    }

    /**
     * Stops the thread: a running task is interrupted, a task still queued is cancelled, so
     * that a caller waiting for either gets its outcome instead of waiting for ever.
     */
    @Override
    public void close() {
        for (Runnable queued : executor.shutdownNow()) {
            ((FutureTask<?>) queued).cancel(false);
        }
    }

    private static void spinUntilDone(FutureTask<?> future) {
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (!future.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** The worker's task queue: it spins for {@link #SPIN_NANOS} before a blocking take. */
    private static final class SpinningQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public Runnable take() throws InterruptedException {
            long deadline = System.nanoTime() + SPIN_NANOS;
            do {
                Runnable task = poll();
                if (task != null) {
                    return task;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() < deadline);
            return super.take();
        }
    }
}
