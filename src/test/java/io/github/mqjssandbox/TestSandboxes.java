package io.github.mqjssandbox;

import java.time.Duration;
import java.util.function.Consumer;

/** Sandboxes for tests: deterministic seed and clock, a timeout so that no test can hang. */
final class TestSandboxes {
    static final long FIXED_NOW = 1_700_000_000_000L;

    private TestSandboxes() {}

    static SandboxConfig.Builder config(Engine engine) {
        return SandboxConfig.builder()
                .engine(engine)
                .randomSeed(42)
                .fixedClock(FIXED_NOW)
                .timeout(Duration.ofSeconds(20));
    }

    static Sandbox open(Engine engine) {
        return Sandbox.create(config(engine).build());
    }

    static Sandbox open(Engine engine, Consumer<SandboxConfig.Builder> settings) {
        SandboxConfig.Builder builder = config(engine);
        settings.accept(builder);
        return Sandbox.create(builder.build());
    }
}
