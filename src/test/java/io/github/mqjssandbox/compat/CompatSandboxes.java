package io.github.mqjssandbox.compat;

import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.SandboxConfig;
import java.time.Duration;

/** The sandboxes these tests compare with Node: the default settings, a fixed clock and seed. */
final class CompatSandboxes {
    static final long FIXED_NOW = 1_700_000_000_123L;

    private CompatSandboxes() {}

    static SandboxConfig.Builder config(Engine engine) {
        return SandboxConfig.builder()
                .engine(engine)
                .randomSeed(42)
                .fixedClock(FIXED_NOW)
                .timeout(Duration.ofSeconds(120));
    }
}
