package io.github.mqjssandbox;

/**
 * Thrown by a {@link HostFunction} whose message is meant for the script: it becomes the
 * message of the JS {@code Error} the call throws. Any other exception is reported to the
 * script only as "host function 'name' failed".
 */
public class HostFunctionError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HostFunctionError(String messageForScript) {
        super(messageForScript);
    }

    /** The cause stays on the Java side ({@link HostFunctionException#getCause()}); only the message reaches the script. */
    public HostFunctionError(String messageForScript, Throwable cause) {
        super(messageForScript, cause);
    }
}
