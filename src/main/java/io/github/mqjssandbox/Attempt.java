package io.github.mqjssandbox;

import io.github.mqjssandbox.internal.wasm.RawOutcome;

/**
 * What happened on the evaluation thread: the engine's outcome, or the crash that ended it.
 * {@code fuelUsed} is -1 without metering; {@code fuelTrapped} tells that a crash was the
 * metered code running out of fuel.
 */
record Attempt(RawOutcome outcome, long evalNanos, long memoryUsed, long fuelUsed,
        boolean fuelTrapped, Throwable crash) {}
