package io.github.mqjssandbox.examples.evalservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LimitPolicyTest {
    private final Limits defaults = new Limits(8 << 20, 1_000, 1_000_000, 4_096);
    private final Limits maxima = new Limits(32 << 20, 5_000, 9_000_000, 65_536);
    private final LimitPolicy policy = new LimitPolicy(defaults, maxima);

    @Test
    void aRequestWithoutLimitsGetsTheDefaults() {
        AppliedLimits applied = policy.apply(RequestedLimits.NONE);
        assertEquals(defaults, applied.limits());
        assertEquals(List.of(), applied.capped());
    }

    @Test
    void limitsWithinTheMaximaAreTakenAsAsked() {
        AppliedLimits applied = policy.apply(new RequestedLimits(1L << 20, 5_000L, 1L, 0L));
        assertEquals(new Limits(1 << 20, 5_000, 1, 0), applied.limits());
        assertEquals(List.of(), applied.capped());
    }

    @Test
    void limitsAboveTheMaximaAreLoweredToThemAndNamed() {
        AppliedLimits applied = policy.apply(new RequestedLimits(Long.MAX_VALUE, 5_001L, null, 1L << 40));
        assertEquals(new Limits(32 << 20, 5_000, 1_000_000, 65_536), applied.limits());
        assertEquals(List.of(Limits.MEMORY, Limits.TIMEOUT, Limits.OUTPUT), applied.capped());
    }

    @Test
    void defaultsAboveTheMaximaAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class,
                () -> new LimitPolicy(new Limits(64 << 20, 1_000, 1, 1), maxima));
    }
}
