package io.github.mqjssandbox;

/**
 * The sandbox failed for a reason that is not the script's error nor a limit: a wasm trap,
 * an engine fault, a JVM stack exhausted by the engine. When the engine's state could be
 * inconsistent, the sandbox was reset (or closed, when it could not be) before this was
 * thrown, so no corrupted state is ever reused.
 */
public class SandboxInternalException extends SandboxException {
    private static final long serialVersionUID = 1L;

    SandboxInternalException(String message, String output, Throwable cause) {
        super(message, output, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INTERNAL;
    }
}
