package io.github.mqjssandbox;

import io.github.mqjssandbox.internal.wasm.RawOutcome;

/**
 * What happened on the evaluation thread: the engine's outcome, or the crash that ended it.
 * {@code fuelUsed} is -1 without metering; {@code fuelTrapped} tells that a crash was the
 * metered code running out of fuel, {@code cStackOverflow} that it was the engine's C stack
 * overflowing (a trap, by the module's stack-first layout).
 */
record Attempt(RawOutcome outcome, long evalNanos, long memoryUsed, long fuelUsed,
        boolean fuelTrapped, boolean cStackOverflow, Throwable crash) {

    static Attempt finished(RawOutcome outcome, long evalNanos, long memoryUsed, long fuelUsed) {
        return new Attempt(outcome, evalNanos, memoryUsed, fuelUsed, false, false, null);
    }

    static Attempt crashed(long fuelUsed, boolean fuelTrapped, boolean cStackOverflow, Throwable crash) {
        return new Attempt(null, 0, 0, fuelUsed, fuelTrapped, cStackOverflow, crash);
    }
}
