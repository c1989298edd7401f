package io.github.mqjssandbox.internal.wasm;

/** A script of a {@link Prelude} failed while a template was being made: nothing was kept. */
public final class PreludeFailedException extends ContextCreationException {
    private static final long serialVersionUID = 1L;

    /** What stopped the script. */
    public enum Cause { SYNTAX, THROWN, TIMEOUT, MEMORY }

    private final String fileName;
    private final Cause failure;
    private final transient RawOutcome outcome;

    PreludeFailedException(String fileName, Cause failure, RawOutcome outcome, String message) {
        super(message);
        this.fileName = fileName;
        this.failure = failure;
        this.outcome = outcome;
    }

    public String fileName() {
        return fileName;
    }

    public Cause failure() {
        return failure;
    }

    /** The engine's report: error name, message and stack. */
    public RawOutcome outcome() {
        return outcome;
    }
}
