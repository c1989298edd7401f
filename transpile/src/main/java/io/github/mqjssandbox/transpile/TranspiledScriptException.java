package io.github.mqjssandbox.transpile;

import io.github.mqjssandbox.ErrorKind;
import io.github.mqjssandbox.JsException;
import java.util.OptionalInt;

/**
 * A JavaScript error of a transpiled script in the sandbox (thrown and not caught, or a syntax
 * error the engine found in the ES5 output), with its position mapped back, through the
 * compiler's source map, to the source as the user wrote it. The library's exception, with
 * positions in the ES5 code, is the {@linkplain #jsException() cause}.
 */
public final class TranspiledScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient JsException jsException;
    private final int line;
    private final int column;
    private final String jsStack;

    TranspiledScriptException(JsException jsException, int line, int column, String jsStack) {
        super(describe(jsException, line, column), jsException);
        this.jsException = jsException;
        this.line = line;
        this.column = column;
        this.jsStack = jsStack;
    }

    private static String describe(JsException e, int line, int column) {
        StringBuilder text = new StringBuilder();
        text.append(e.name() != null ? e.name() + ": " : "uncaught ").append(e.jsMessage());
        if (line > 0) {
            text.append(" (line ").append(line).append(", column ").append(column).append(')');
        }
        return text.toString();
    }

    /** The library's exception, whose positions are in the ES5 code the sandbox ran. */
    public JsException jsException() {
        return jsException;
    }

    /** {@link ErrorKind#SYNTAX}, {@link ErrorKind#RUNTIME} or {@link ErrorKind#HOST}, as the library reported it. */
    public ErrorKind kind() {
        return jsException.kind();
    }

    /** The error's {@code name} ("TypeError", …), or {@code null} when a non-Error value was thrown. */
    public String name() {
        return jsException.name();
    }

    /** The error's {@code message}, or {@code String(value)} for a thrown non-Error value. */
    public String jsMessage() {
        return jsException.jsMessage();
    }

    /**
     * The 1-based line in the source as written: of the innermost stack frame that maps into
     * it. Empty when no frame does (an error raised inside the compiler's runtime helpers and
     * nowhere else, or {@code throw} of a value with no stack).
     */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /** The 1-based column in the source as written, with {@link #line()}. */
    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }

    /**
     * The JS stack trace with every position in a transpiled script mapped back to its source;
     * a frame inside the compiler's runtime helpers names its script and "transpiler runtime".
     */
    public String jsStack() {
        return jsStack;
    }

    /** What print/console.log wrote before the failure. */
    public String output() {
        return jsException.output();
    }
}
