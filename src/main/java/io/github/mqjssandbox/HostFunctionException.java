package io.github.mqjssandbox;

/**
 * A host function failed, the script did not catch the resulting JS {@code Error}, and so the
 * evaluation ended. {@link #getCause()} is the Java exception the host function threw; the
 * script only ever saw the sanitised {@link #jsMessage()}.
 */
public final class HostFunctionException extends JsException {
    private static final long serialVersionUID = 1L;

    private final String functionName;

    HostFunctionException(String functionName, JsErrorDetails details, String output, Throwable cause) {
        super(ErrorKind.HOST, details, output, cause);
        this.functionName = functionName;
    }

    /** The name under which the failing function was exposed to JS. */
    public String functionName() {
        return functionName;
    }
}
