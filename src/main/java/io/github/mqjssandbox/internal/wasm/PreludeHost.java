package io.github.mqjssandbox.internal.wasm;

/**
 * The host of an instance that becomes a template: while its prelude's source scripts run they
 * have no host functions, their output is dropped and a deadline stops them (a preloaded script
 * must not hang the sandbox being created); afterwards every call goes to the sandbox's host.
 */
final class PreludeHost implements HostCalls {
    private final HostCalls sandbox;
    /** System.nanoTime() after which a running prelude script is stopped; 0 once the prelude is done. */
    private volatile long deadline;
    private volatile boolean timedOut;

    PreludeHost(HostCalls sandbox) {
        this.sandbox = sandbox;
    }

    void startScript(long timeoutNanos) {
        timedOut = false;
        deadline = System.nanoTime() + Math.max(1, timeoutNanos);
    }

    /** True if the deadline stopped the script that just ended. */
    boolean endScript() {
        deadline = 0;
        return timedOut;
    }

    @Override
    public boolean write(byte[] utf8) {
        return deadline != 0 || sandbox.write(utf8);
    }

    @Override
    public boolean shouldInterrupt() {
        long until = deadline;
        if (until == 0) {
            return sandbox.shouldInterrupt();
        }
        if (System.nanoTime() - until > 0) {
            timedOut = true;
        }
        return timedOut;
    }

    @Override
    public double nowMillis() {
        return sandbox.nowMillis();
    }

    @Override
    public HostReply call(int id, byte[] argsJson) {
        if (deadline != 0) {
            return new HostReply("host functions are not available while a preloaded script loads"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        }
        return sandbox.call(id, argsJson);
    }
}
