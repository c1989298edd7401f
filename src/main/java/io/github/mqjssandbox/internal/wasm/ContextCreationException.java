package io.github.mqjssandbox.internal.wasm;

/** The JS context or an input buffer does not fit in the sandbox's memory cap. */
public class ContextCreationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ContextCreationException(String message) {
        super(message);
    }
}
