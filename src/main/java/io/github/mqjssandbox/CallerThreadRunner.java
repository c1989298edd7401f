package io.github.mqjssandbox;

import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs the engine on the calling thread, saving the hand-off to a dedicated thread (tens of
 * microseconds per call). A shared watchdog interrupts the caller when it overruns; an
 * interrupt is only ever delivered while the task runs, and is cleared before returning.
 * The caller's stack must be deep enough for the engine (the AOT and compiler engines need
 * little; a StackOverflowError still becomes a typed error and a reset). An interrupt from
 * anyone else (the caller's own) is the caller's and is left set. {@link #close()} from
 * another thread stops a running task the same way the watchdog does.
 */
final class CallerThreadRunner implements TaskRunner {
    private volatile boolean closed;
    /** The task running now, if any: what {@link #close()} interrupts. */
    private volatile Run current;

    /** Guards the hand-over between the running task and the watchdog. */
    private static final class Run {
        private final Thread thread = Thread.currentThread();
        private boolean finished;
        private boolean interrupted;

        synchronized void interruptIfRunning(Runnable onOverrun) {
            if (!finished) {
                onOverrun.run();
                interrupted = true;
                thread.interrupt();
            }
        }

        /** Marks the run finished and clears an interrupt the watchdog or close() delivered. */
        synchronized void finish() {
            finished = true;
            if (interrupted) {
                Thread.interrupted();
            }
        }
    }

    @Override
    public <T> Outcome<T> run(Callable<T> task, long budgetNanos, long graceNanos, Runnable onOverrun) {
        Run run = new Run();
        current = run;
        if (closed) { // close() either sees this run in current or this sees closed
            current = null;
            return new Failed<>(new RejectedExecutionException("the sandbox's runner is closed"));
        }
        ScheduledFuture<?> alarm = budgetNanos == 0
                ? null
                : Watchdog.schedule(() -> run.interruptIfRunning(onOverrun), budgetNanos);
        try {
            return new Finished<>(task.call());
        } catch (Exception e) {
            return new Failed<>(e);
        } finally {
            current = null;
            if (alarm != null) {
                alarm.cancel(false);
            }
            run.finish();
        }
    }

    @Override
    public Object runningTask() {
        return current;
    }

    @Override
    public void interrupt(Object task) {
        if (task instanceof Run run) {
            run.interruptIfRunning(() -> {});
        }
    }

    @Override
    public void close() {
        closed = true;
        Run running = current;
        if (running != null) {
            running.interruptIfRunning(() -> {});
        }
    }
}
