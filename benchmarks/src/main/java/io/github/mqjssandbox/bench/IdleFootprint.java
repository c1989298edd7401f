package io.github.mqjssandbox.bench;

import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM heap an idle sandbox holds: {@code count} sandboxes (16 MiB limit, the small state of
 * {@link LifecycleBenchmark#SMALL_STATE}) kept alive after they hibernated, heap after GC over
 * the heap before, per sandbox. Not a time, so not JMH: measured once in the run's own JVM.
 */
final class IdleFootprint {
    private IdleFootprint() {}

    static double kibPerSandbox(int count) {
        SandboxConfig config = SandboxConfig.builder().memoryLimitBytes(16 << 20).hibernateWhenIdle(Duration.ZERO).build();
        try (Sandbox warm = Sandbox.create(config)) {
            warm.eval(LifecycleBenchmark.SMALL_STATE);
        }
        long before = usedAfterGc();
        List<Sandbox> kept = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Sandbox sandbox = Sandbox.create(config);
            sandbox.eval(LifecycleBenchmark.SMALL_STATE); // hibernates as it returns (Duration.ZERO)
            kept.add(sandbox);
        }
        double kib = (usedAfterGc() - before) / 1024.0 / count;
        kept.forEach(Sandbox::close);
        return kib;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
