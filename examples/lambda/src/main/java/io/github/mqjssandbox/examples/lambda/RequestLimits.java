package io.github.mqjssandbox.examples.lambda;

import io.github.mqjssandbox.SandboxConfig;
import java.time.Duration;

/**
 * The limits one invocation runs under: what the request asked for, defaulted when it asked for
 * nothing and capped by what this function allows and by the time the invocation has left.
 */
record RequestLimits(Duration timeout, long fuelLimit, int memoryLimitBytes) {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(3);
    /** About 20–30 ms of warm execution (docs/limits.md). */
    static final long DEFAULT_FUEL = 100_000_000L;
    static final long MAX_FUEL = 1_000_000_000L;
    static final int DEFAULT_MEMORY_BYTES = 4 << 20;
    static final int MIN_MEMORY_BYTES = 1 << 20;
    static final int MAX_MEMORY_BYTES = 16 << 20;
    /**
     * Kept back from the invocation's remaining time: the engine's hard stop may come this much
     * after the timeout, and the answer still has to be written.
     */
    static final Duration HARD_STOP_GRACE = Duration.ofMillis(100);
    static final Duration ANSWER_RESERVE = Duration.ofMillis(100);

    /**
     * The limits for {@code request} when the invocation has {@code remainingMillis} left. A
     * missing or non-positive value means the default; a larger one than allowed, the cap.
     */
    static RequestLimits of(ScriptRequest request, long remainingMillis) {
        long maxByDeadline = remainingMillis - HARD_STOP_GRACE.toMillis() - ANSWER_RESERVE.toMillis();
        long timeoutMillis = Math.min(orDefault(request.getTimeoutMillis(), DEFAULT_TIMEOUT.toMillis()),
                Math.min(MAX_TIMEOUT.toMillis(), maxByDeadline));
        // a zero timeout would mean "none": an invocation about to end still gets a bounded try
        return new RequestLimits(Duration.ofMillis(Math.max(1, timeoutMillis)),
                Math.min(orDefault(request.getFuelLimit(), DEFAULT_FUEL), MAX_FUEL),
                memoryTier(orDefault(request.getMemoryLimitBytes(), DEFAULT_MEMORY_BYTES)));
    }

    /**
     * Rounds up to a power of two between the minimum and the cap: the library keeps a template
     * per memory limit (eight per JVM), so a handful of sizes keeps sandbox creation cheap.
     */
    static int memoryTier(long requestedBytes) {
        int tier = MIN_MEMORY_BYTES;
        while (tier < requestedBytes && tier < MAX_MEMORY_BYTES) {
            tier <<= 1;
        }
        return tier;
    }

    private static long orDefault(Long requested, long defaultValue) {
        return requested == null || requested <= 0 ? defaultValue : requested;
    }

    /** {@code base} with these limits and the given {@code Math.random} seed. */
    SandboxConfig applyTo(SandboxConfig base, long randomSeed) {
        return base.newBuilder()
                .timeout(timeout)
                .fuelLimit(fuelLimit)
                .memoryLimitBytes(memoryLimitBytes)
                .randomSeed(randomSeed)
                .build();
    }
}
