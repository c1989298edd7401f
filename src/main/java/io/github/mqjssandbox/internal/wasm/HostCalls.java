package io.github.mqjssandbox.internal.wasm;

/**
 * What the module's own host imports ({@code env.host_*}, see wasm/src/sandbox.h) do,
 * with memory access already handled by {@link SandboxImports}.
 */
public interface HostCalls {
    /** Appends print/console.log output; {@code false} asks the script to stop. */
    boolean write(byte[] utf8);

    /** Polled by the engine's interrupt handler; {@code true} stops the script. */
    boolean shouldInterrupt();

    /** {@code Date.now()}. */
    double nowMillis();

    /**
     * Runs host function {@code id}. Returns the bytes to hand back: JSON on success, an
     * error message on failure, as told by {@link HostReply#failed()}.
     */
    HostReply call(int id, byte[] argsJson);

    /** The outcome of one host function call, as bytes for the module. */
    record HostReply(byte[] bytes, boolean failed) {}
}
