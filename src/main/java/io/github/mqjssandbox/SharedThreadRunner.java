package io.github.mqjssandbox;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one sandbox's engine on the shared {@link EvalThreads}: on the worker, each task runs as
 * a {@link CallerThreadRunner} runs it there (its watchdog interrupts the worker when it overruns),
 * and the waiting caller gives the worker up when even the interrupt does not stop it. The time
 * budget starts when a worker takes the task. A task submitted from one of the workers (a host
 * function evaluating in another sandbox) runs on that worker directly, so nesting never waits
 * for a free thread.
 */
final class SharedThreadRunner implements TaskRunner {
    /** Chicory sees an interrupt at its next call or loop; on a loaded machine that can take a while. */
    static final long MIN_WAIT_AFTER_INTERRUPT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** How often a waiting caller looks whether its task has started, or has overrun for good. */
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final SpinWait WAITING = new SpinWait();

    private final CallerThreadRunner onWorker = new CallerThreadRunner();
    private volatile boolean closed;
    private volatile FutureTask<?> queued;

    @Override
    public <T> Outcome<T> run(Callable<T> task, long budgetNanos, long graceNanos, Runnable onOverrun) {
        if (EvalThreads.isCurrentThreadOne()) {
            return onWorker.run(task, budgetNanos, graceNanos, onOverrun);
        }
        AtomicLong startedAt = new AtomicLong(); // 0 until a worker takes the task
        FutureTask<Outcome<T>> future = new FutureTask<>(() -> {
            startedAt.set(System.nanoTime() | 1);
            return onWorker.run(task, budgetNanos, graceNanos, onOverrun);
        });
        queued = future;
        if (closed) {
            return new Failed<>(new RejectedExecutionException("the sandbox is closed"));
        }
        try {
            EvalThreads.execute(future);
        } catch (RejectedExecutionException shutDown) {
            return new Failed<>(shutDown);
        }
        WAITING.spinUntil(future::isDone);
        boolean interrupted = false;
        long interruptedAt = 0; // when the caller's own interrupt stopped the task, if it did
        try {
            while (true) {
                long started = startedAt.get();
                long giveUpAt = 0; // when to abandon the task's thread: 0 while there is no such time
                if (started != 0 && budgetNanos != 0) {
                    giveUpAt = started + budgetNanos + patience(graceNanos);
                }
                if (started != 0 && interruptedAt != 0) {
                    long afterInterrupt = Math.max(started, interruptedAt) + patience(graceNanos);
                    giveUpAt = giveUpAt == 0 || afterInterrupt - giveUpAt < 0 ? afterInterrupt : giveUpAt;
                }
                long now = System.nanoTime();
                if (giveUpAt != 0 && now - giveUpAt >= 0 && !future.isDone()) {
                    EvalThreads.giveUp();
                    close();
                    return new Abandoned<>();
                }
                try {
                    return future.get(giveUpAt == 0 ? WAIT_SLICE_NANOS : Math.min(WAIT_SLICE_NANOS, giveUpAt - now),
                            TimeUnit.NANOSECONDS);
                } catch (TimeoutException slice) {
                    // look again: the task may have started, or overrun for good
                } catch (InterruptedException callerInterrupted) {
                    // the caller's own interrupt counts as an overrun: the engine is asked to stop
                    // (at its first poll, if it has not started yet) and interrupted; the caller's
                    // interrupt is set again on return
                    interrupted = true;
                    interruptedAt = System.nanoTime();
                    onOverrun.run();
                    onWorker.interrupt(onWorker.runningTask());
                }
            }
        } catch (ExecutionException e) {
            return new Failed<>(e.getCause());
        } catch (CancellationException cancelled) {
            return new Failed<>(cancelled); // close() took the task off the queue before it started
        } finally {
            queued = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How long an interrupted engine may take to stop before its thread is given up. */
    private static long patience(long graceNanos) {
        return Math.max(graceNanos, MIN_WAIT_AFTER_INTERRUPT_NANOS);
    }

    @Override
    public Object runningTask() {
        return onWorker.runningTask();
    }

    @Override
    public void interrupt(Object task) {
        onWorker.interrupt(task);
    }

    /** A running task is interrupted, a queued one cancelled: its caller gets its outcome at once. */
    @Override
    public void close() {
        closed = true;
        FutureTask<?> waiting = queued;
        if (waiting != null) {
            waiting.cancel(false);
        }
        onWorker.close();
    }

}
