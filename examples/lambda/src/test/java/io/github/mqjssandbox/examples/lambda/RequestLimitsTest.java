package io.github.mqjssandbox.examples.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {
    private static final long PLENTY_OF_TIME = 60_000;

    @Test
    void missingOrNonPositiveValuesGetTheDefaults() {
        ScriptRequest request = new ScriptRequest("1");
        request.setTimeoutMillis(0L);
        request.setFuelLimit(-5L);

        RequestLimits limits = RequestLimits.of(request, PLENTY_OF_TIME);

        assertEquals(new RequestLimits(RequestLimits.DEFAULT_TIMEOUT, RequestLimits.DEFAULT_FUEL,
                RequestLimits.DEFAULT_MEMORY_BYTES), limits);
    }

    @Test
    void lowerValuesAreKept() {
        ScriptRequest request = new ScriptRequest("1");
        request.setTimeoutMillis(20L);
        request.setFuelLimit(1234L);

        RequestLimits limits = RequestLimits.of(request, PLENTY_OF_TIME);

        assertEquals(Duration.ofMillis(20), limits.timeout());
        assertEquals(1234L, limits.fuelLimit());
    }

    @Test
    void theTimeoutLeavesTheHardStopAndTheAnswerTheirTime() {
        RequestLimits limits = RequestLimits.of(new ScriptRequest("1"), 700);

        assertEquals(Duration.ofMillis(500), limits.timeout());
    }

    @Test
    void anInvocationOutOfTimeStillGetsABoundedTimeoutNeverNone() {
        RequestLimits limits = RequestLimits.of(new ScriptRequest("1"), 50);

        assertEquals(Duration.ofMillis(1), limits.timeout());
    }

    @Test
    void memoryRoundsUpToAFewSizes() {
        assertEquals(1 << 20, RequestLimits.memoryTier(1));
        assertEquals(1 << 20, RequestLimits.memoryTier(1 << 20));
        assertEquals(2 << 20, RequestLimits.memoryTier((1 << 20) + 1));
        assertEquals(8 << 20, RequestLimits.memoryTier(5_000_000));
        assertEquals(16 << 20, RequestLimits.memoryTier(Long.MAX_VALUE));
    }
}
