package io.github.mqjssandbox;

/** The script ran past the wall-clock timeout. {@link #limit()} is in milliseconds. */
public final class ScriptTimeoutException extends LimitExceededException {
    private static final long serialVersionUID = 1L;

    ScriptTimeoutException(long timeoutMillis, boolean sandboxWasReset, String output, Throwable cause) {
        super("timeout: limit " + timeoutMillis + " ms reached", timeoutMillis, sandboxWasReset, output, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.TIMEOUT;
    }
}
