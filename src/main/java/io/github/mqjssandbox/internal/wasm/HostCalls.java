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

    /**
     * For an instance with no sandbox around it (a template being made, tests of the engine
     * alone): output is dropped, it never stops the script, the clock reads 0 and there are no
     * host functions.
     */
    HostCalls NONE = new HostCalls() {
        @Override
        public boolean write(byte[] utf8) {
            return true;
        }

        @Override
        public boolean shouldInterrupt() {
            return false;
        }

        @Override
        public double nowMillis() {
            return 0;
        }

        @Override
        public HostReply call(int id, byte[] argsJson) {
            return new HostReply(new byte[0], true);
        }
    };

    /** The outcome of one host function call, as bytes for the module. */
    record HostReply(byte[] bytes, boolean failed) {}
}
