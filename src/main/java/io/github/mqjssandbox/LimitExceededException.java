package io.github.mqjssandbox;

/**
 * A resource limit stopped the script. The message states the limit and its value; the
 * sandbox stays usable afterwards (it was reset to a fresh state if the engine had to be
 * stopped mid-way, see {@link #sandboxWasReset()}).
 */
public abstract class LimitExceededException extends SandboxException {
    private static final long serialVersionUID = 1L;

    private final long limit;
    private final boolean sandboxWasReset;

    LimitExceededException(String message, long limit, boolean sandboxWasReset, String output, Throwable cause) {
        super(message, output, cause);
        this.limit = limit;
        this.sandboxWasReset = sandboxWasReset;
    }

    /** The configured value of the limit that was hit, in the limit's unit. */
    public long limit() {
        return limit;
    }

    /**
     * True when the engine had to be stopped where it could not unwind cleanly, so the
     * sandbox was reset to its initial state (globals defined by earlier evaluations are gone).
     */
    public boolean sandboxWasReset() {
        return sandboxWasReset;
    }
}
