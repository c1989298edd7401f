package io.github.mqjssandbox;

import java.util.OptionalInt;

/**
 * A JavaScript error that ended the script: a syntax error in the source, or a value thrown
 * and not caught. Line and column point into the evaluated source (1-based) when known.
 */
public class JsException extends SandboxException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String name;
    private final String jsMessage;
    private final int line;
    private final int column;
    private final String jsStack;

    JsException(ErrorKind kind, JsErrorDetails details, String output, Throwable cause) {
        super(details.describe(), output, cause);
        this.kind = kind;
        this.name = details.name();
        this.jsMessage = details.message();
        this.line = details.line();
        this.column = details.column();
        this.jsStack = details.stack();
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    /** The error's {@code name} ("TypeError", …), or {@code null} when a non-Error value was thrown. */
    public String name() {
        return name;
    }

    /** The error's {@code message}, or {@code String(value)} for a thrown non-Error value. */
    public String jsMessage() {
        return jsMessage;
    }

    /** The 1-based line of the failure in the evaluated source, when the engine knows it. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /** The 1-based column of the failure, when the engine knows it. */
    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }

    /** The JS stack trace ("    at f (file:line:col)" lines), empty when there is none. */
    public String jsStack() {
        return jsStack;
    }
}
