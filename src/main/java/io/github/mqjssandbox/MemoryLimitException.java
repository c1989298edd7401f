package io.github.mqjssandbox;

/** The script exhausted the JS heap. {@link #limit()} is the memory limit in bytes. */
public final class MemoryLimitException extends LimitExceededException {
    private static final long serialVersionUID = 1L;

    MemoryLimitException(long limitBytes, String detail, boolean sandboxWasReset, String output, Throwable cause) {
        super("memory: limit " + limitBytes + " bytes reached (" + detail + ")", limitBytes, sandboxWasReset, output, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.MEMORY;
    }
}
