package io.github.mqjssandbox.internal.wasm;

import io.github.mqjssandbox.ErrorKind;

/** A script of a {@link Prelude} failed while a template was being made: nothing was kept. */
public final class PreludeFailedException extends ContextCreationException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final ErrorKind kind;
    private final transient RawOutcome outcome;

    PreludeFailedException(String fileName, ErrorKind kind, RawOutcome outcome, String message) {
        super(message);
        this.fileName = fileName;
        this.kind = kind;
        this.outcome = outcome;
    }

    public String fileName() {
        return fileName;
    }

    /** What stopped the script: SYNTAX, RUNTIME (it threw), TIMEOUT or MEMORY. */
    public ErrorKind kind() {
        return kind;
    }

    /** The engine's report: error name, message and stack. */
    public RawOutcome outcome() {
        return outcome;
    }
}
