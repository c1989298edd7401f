package io.github.mqjssandbox;

/** Why the host asked the engine to stop; remembered even if the script seems to finish. */
enum StopReason {
    TIMEOUT,
    OUTPUT,
    FUEL,
    /** {@link Sandbox#cancel()} from another thread. */
    CANCELLED
}
