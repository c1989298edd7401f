package io.github.mqjssandbox.internal.wasm;

import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import java.util.Arrays;

/**
 * What the compatibility prelude costs (docs/compatibility.md): the time it adds once per JVM,
 * when a template is made, and per sandbox after that; the JS heap it holds; the JVM heap of the
 * template; a fresh sandbox's snapshot. Run it alone on a quiet machine:
 * {@code java -cp target/classes:target/test-classes:$(cat target/runtime-classpath.txt)
 * io.github.mqjssandbox.internal.wasm.PreludeCostProbe [engine]}.
 */
public final class PreludeCostProbe {
    private static final int SANDBOXES = 2000;
    private static final int PAGE = 65536;

    private PreludeCostProbe() {}

    public static void main(String[] args) {
        Engine engine = args.length > 0 ? Engine.valueOf(args[0].toUpperCase()) : Engine.AOT;
        ModuleRegistry.get(engine, false); // the module loaded, no template made yet
        SandboxConfig without = SandboxConfig.builder().engine(engine).compatPrelude(false).build();
        SandboxConfig with = without.newBuilder().compatPrelude(true).build();
        System.out.printf("engine %s, memory limit %d MiB%n", engine, with.memoryLimitBytes() >> 20);
        for (SandboxConfig config : new SandboxConfig[] {without, with}) {
            String label = config.compatPrelude() ? "with the prelude   " : "without the prelude";
            long start = System.nanoTime();
            try (Sandbox first = Sandbox.create(config)) {
                long templateNanos = System.nanoTime() - start;
                long heapUsed = first.eval("0").memoryUsedBytes();
                int snapshotBytes = first.snapshot().length;
                System.out.printf("%s: first sandbox (makes the template) %.1f ms; JS heap in use %d bytes;"
                        + " template %d KiB of JVM heap; snapshot of a fresh sandbox %d bytes%n",
                        label, templateNanos / 1e6, heapUsed, templateBytes(config) >> 10, snapshotBytes);
            }
        }
        // Interleaved rounds, so that both settings see the same JIT and machine state.
        long[][] nanos = new long[2][SANDBOXES];
        for (int i = 0; i < SANDBOXES; i++) {
            nanos[0][i] = createAndClose(without);
            nanos[1][i] = createAndClose(with);
        }
        System.out.printf("Sandbox.create + close, %d each: median %.1f µs without, %.1f µs with the prelude%n",
                SANDBOXES, median(nanos[0]) / 1e3, median(nanos[1]) / 1e3);
        System.exit(0);
    }

    private static long createAndClose(SandboxConfig config) {
        long start = System.nanoTime();
        Sandbox sandbox = Sandbox.create(config);
        long elapsed = System.nanoTime() - start;
        sandbox.close();
        return elapsed;
    }

    /** The frozen pages of the template the sandboxes of this configuration share. */
    private static long templateBytes(SandboxConfig config) {
        Prelude prelude = config.compatPrelude() ? Prelude.compat() : Prelude.NONE;
        int ioReserve = config.maxSourceBytes() + config.maxHostPayloadBytes() + 4096 + prelude.residentBytes(); // as Sandbox reserves it
        EngineTemplate template = EngineTemplate.cached(
                ModuleRegistry.get(config.engine(), false), config.memoryLimitBytes(), ioReserve, prelude);
        return (long) template.memory().allocatedPages() * PAGE;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
