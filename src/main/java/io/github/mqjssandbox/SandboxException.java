package io.github.mqjssandbox;

/**
 * The root of every failure of a sandbox: JS errors ({@link JsException}), exceeded
 * limits ({@link LimitExceededException}) and sandbox faults ({@link SandboxInternalException}).
 * Each carries the output the script wrote before it failed.
 */
public abstract class SandboxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String output;

    SandboxException(String message, String output, Throwable cause) {
        super(message, cause);
        this.output = output == null ? "" : output;
    }

    /** What kind of failure this is. */
    public abstract ErrorKind kind();

    /** What print/console.log wrote before the failure. */
    public String output() {
        return output;
    }
}
