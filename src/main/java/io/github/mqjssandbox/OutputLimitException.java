package io.github.mqjssandbox;

/**
 * print/console.log wrote more than the output limit. {@link #limit()} is in bytes;
 * {@link #output()} holds the output up to the limit.
 */
public final class OutputLimitException extends LimitExceededException {
    private static final long serialVersionUID = 1L;

    OutputLimitException(long limitBytes, String output) {
        super("output: limit " + limitBytes + " bytes reached", limitBytes, false, output, null);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.OUTPUT;
    }
}
