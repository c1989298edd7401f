package io.github.mqjssandbox;

import java.util.concurrent.Callable;

/**
 * Where a sandbox's engine runs, and how an overrunning run is stopped: the engine observes
 * a thread interrupt at its next call or loop iteration.
 */
interface TaskRunner extends AutoCloseable {

    /** How a task ended, seen from the waiting side. */
    sealed interface Outcome<T> permits Finished, Failed, Abandoned {}

    /** The task returned, possibly after it was interrupted for overrunning. */
    record Finished<T>(T value) implements Outcome<T> {}

    /** The task threw. */
    record Failed<T>(Throwable error) implements Outcome<T> {}

    /** The task did not stop even when interrupted; its thread is given up. */
    record Abandoned<T>() implements Outcome<T> {}

    /**
     * Runs {@code task}: without limit when {@code budgetNanos} is 0; otherwise, past the
     * budget, {@code onOverrun} runs and the running thread is interrupted.
     */
    <T> Outcome<T> run(Callable<T> task, long budgetNanos, long graceNanos, Runnable onOverrun);

    /** The task running now, as a token for {@link #interrupt}, or null when none is. */
    Object runningTask();

    /**
     * From any thread: interrupts {@code task} (a {@link #runningTask()} token) if it is still
     * running, as an overrun would; the waiting caller then gets its outcome as usual. A task
     * that started later is never interrupted.
     */
    void interrupt(Object task);

    @Override
    void close();
}
