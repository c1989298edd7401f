package io.github.mqjssandbox.internal;

/**
 * A JSON value and a Java type that did not map onto each other, described in words fit for a
 * script: where in the value ({@link #path()}, such as {@code $.items[2].price}) and what was
 * wrong, naming Java types by their simple names only. The Jackson exception, with the full
 * detail, is the cause, for the Java side.
 */
public final class MappingFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    MappingFailure(String path, String problem, Throwable cause) {
        super(path == null ? problem : "at " + path + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /** Where in the JSON value the problem is, {@code $} for the value itself; null when unknown. */
    public String path() {
        return path;
    }

    /** What is wrong there, e.g. {@code expected int, got "12"}. */
    public String problem() {
        return problem;
    }
}
