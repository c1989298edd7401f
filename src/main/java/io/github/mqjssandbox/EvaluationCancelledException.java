package io.github.mqjssandbox;

/**
 * {@link Sandbox#cancel()} stopped the evaluation. Like a limit, the sandbox stays usable: it
 * was reset to a fresh state if the engine had to be stopped where it could not unwind
 * cleanly ({@link #sandboxWasReset()}).
 */
public final class EvaluationCancelledException extends SandboxException {
    private static final long serialVersionUID = 1L;

    private final boolean sandboxWasReset;

    EvaluationCancelledException(boolean sandboxWasReset, String output, Throwable cause) {
        super("cancelled" + (sandboxWasReset ? "; the sandbox was reset" : ""), output, cause);
        this.sandboxWasReset = sandboxWasReset;
    }

    /** True when the engine was stopped mid-way and the sandbox reset to its initial state. */
    public boolean sandboxWasReset() {
        return sandboxWasReset;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CANCELLED;
    }
}
