package io.github.mqjssandbox;

/**
 * A script's result does not map to the Java type it was asked for ({@link EvalResult#as},
 * {@link Sandbox#eval(String, Class)}, {@link Sandbox#call(String, Class, Object...)}). The
 * evaluation itself succeeded: its effects on the sandbox's state stay, and the sandbox is
 * usable as before. The message names the JSON path and what was expected there; the cause,
 * when there is one, is Jackson's exception with the full detail.
 */
public final class ResultMappingException extends SandboxException {
    private static final long serialVersionUID = 1L;

    private final Class<?> expectedType;
    private final String path;

    ResultMappingException(Class<?> expectedType, String path, String message, String output, Throwable cause) {
        super(message, output, cause);
        this.expectedType = expectedType;
        this.path = path;
    }

    /** The type the result was asked for. */
    public Class<?> expectedType() {
        return expectedType;
    }

    /**
     * Where in the result the mapping failed, as a JSON path ({@code $} for the result itself,
     * {@code $.items[2].price} inside it), or {@code null} when that is not known.
     */
    public String path() {
        return path;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.MAPPING;
    }
}
