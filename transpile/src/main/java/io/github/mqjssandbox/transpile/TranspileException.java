package io.github.mqjssandbox.transpile;

import java.util.OptionalInt;

/**
 * The source was not turned into ES5, so nothing ran. {@link #problem()} says why; for a
 * syntax error, {@link #line()} and {@link #column()} point into the source as written.
 *
 * <p>The library's {@code SandboxException} cannot be extended outside its package, so this is
 * an exception of its own; what ran and failed in the sandbox is a
 * {@link TranspiledScriptException} or one of the library's {@code SandboxException}s.
 */
public final class TranspileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the source was not transpiled. */
    public enum Problem {
        /** Over the size limit ({@link TranspileOptions#maxSourceBytes()}), checked before any parsing. */
        SOURCE_TOO_LARGE,
        /** Brackets nested deeper than {@link TranspileOptions#maxNestingDepth()}, or too deep for the compiler's stack. */
        NESTING_TOO_DEEP,
        /** The source does not parse, or breaks a rule the compiler checks (such as assigning to a {@code const}). */
        SYNTAX,
        /** Valid JavaScript that has no ES5 form (BigInt, RegExp lookbehind, named groups, private fields…). */
        UNSUPPORTED,
        /** The compiler did not finish within {@link TranspileOptions#timeout()}. */
        TIMEOUT,
        /** The ES5 output is over the size limit the sandbox would accept. */
        OUTPUT_TOO_LARGE,
        /** The compiler itself failed. */
        INTERNAL;

        /** True for the problems a JavaScript engine would report as a {@code SyntaxError}. */
        public boolean isSyntaxError() {
            return this == SYNTAX || this == UNSUPPORTED || this == NESTING_TOO_DEEP;
        }
    }

    private final Problem problem;
    private final String reason;
    private final int line;
    private final int column;

    TranspileException(Problem problem, String reason, int line, int column, Throwable cause) {
        super((problem.isSyntaxError() ? "SyntaxError: " : "") + reason
                + (line > 0 ? " (line " + line + ", column " + column + ")" : ""), cause);
        this.problem = problem;
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    TranspileException(Problem problem, String reason) {
        this(problem, reason, 0, 0, null);
    }

    TranspileException(Problem problem, String reason, Throwable cause) {
        this(problem, reason, 0, 0, cause);
    }

    public Problem problem() {
        return problem;
    }

    /**
     * What went wrong, without the "SyntaxError: " and the position that {@link #getMessage()}
     * adds: for a syntax error, the compiler's message.
     */
    public String reason() {
        return reason;
    }

    /** The 1-based line in the source as written, when the problem has a position. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /** The 1-based column in the source as written, when the problem has a position. */
    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }
}
