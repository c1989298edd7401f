package io.github.mqjssandbox;

/** The sandbox cannot take this call: it is closed, or another thread is using it. */
public final class SandboxStateException extends SandboxInternalException {
    private static final long serialVersionUID = 1L;

    SandboxStateException(String message) {
        super(message, "", null);
    }

    SandboxStateException(String message, String output, Throwable cause) {
        super(message, output, cause);
    }
}
