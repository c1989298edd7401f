package io.github.mqjssandbox;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a sandbox costs to make and to keep, through the public API only, so the same class runs
 * against any build of the library (put a CLI jar on the class path after test-classes):
 *
 * <pre>
 * java -cp target/test-classes:cli/target/mquickjs-sandbox-cli.jar io.github.mqjssandbox.MemoryFootprintHarness create [iterations]
 * java -Xmx5g -cp ... io.github.mqjssandbox.MemoryFootprintHarness heap [sandboxes]
 * java -cp ... io.github.mqjssandbox.MemoryFootprintHarness eval FILE [repeat] [fresh|warm]
 * </pre>
 *
 * {@code create}: create (16 MiB limit, or {@code -Dharness.limitMiB}) + eval("1+2") + close, after a warm-up; prints percentiles.
 * {@code heap}: keeps that many sandboxes after one eval each, and prints the heap used after a
 * full GC per sandbox, over the heap used before they were made.
 * {@code eval}: evaluates a script {@code repeat} times on the calling thread, each in a fresh
 * sandbox or all in one, and prints the best and median of the eval's thread CPU time and wall
 * time (CPU time is steadier on a shared machine).
 */
public final class MemoryFootprintHarness {
    /** The memory limit: 16 MiB unless the system property {@code harness.limitMiB} says otherwise. */
    private static final SandboxConfig CONFIG =
            SandboxConfig.builder().memoryLimitBytes((long) Integer.getInteger("harness.limitMiB", 16) << 20).build();

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "create";
        if ("eval".equals(mode)) {
            eval(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 20, args.length <= 3 || "fresh".equals(args[3]));
            return;
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : ("heap".equals(mode) ? 200 : 2000);
        if ("heap".equals(mode)) {
            heap(count);
        } else {
            create(count);
        }
    }

    private static void createEvalClose() {
        try (Sandbox sandbox = Sandbox.create(CONFIG)) {
            if (!"3".equals(sandbox.eval("1+2").display())) {
                throw new AssertionError("1+2");
            }
        }
    }

    private static void create(int iterations) {
        for (int i = 0; i < Math.max(500, iterations / 2); i++) {
            createEvalClose();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            createEvalClose();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("create+eval+close at %d MiB, %d iterations: p10 %.3f ms, p50 %.3f ms, p90 %.3f ms, min %.3f ms%n",
                CONFIG.memoryLimitBytes() >> 20, iterations, ms(nanos[iterations / 10]), ms(nanos[iterations / 2]), ms(nanos[iterations * 9 / 10]), ms(nanos[0]));
    }

    private static void heap(int count) {
        createEvalClose(); // load and link the engine before the baseline
        long before = usedAfterGc();
        List<Sandbox> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Sandbox sandbox = Sandbox.create(CONFIG);
            sandbox.eval("var o = {a: [1, 2, 3], s: 'xyz'}; 1+2");
            kept.add(sandbox);
        }
        long after = usedAfterGc();
        System.out.printf("idle sandboxes at %d MiB: %d, heap %.1f MiB before, %.1f MiB after: %.1f KiB per sandbox%n",
                CONFIG.memoryLimitBytes() >> 20, count, before / 1048576.0, after / 1048576.0, (after - before) / 1024.0 / count);
        kept.forEach(Sandbox::close);
    }

    private static void eval(Path file, int repeat, boolean fresh) throws IOException {
        String code = Files.readString(file);
        SandboxConfig config = CONFIG.newBuilder().evaluateOnCallerThread(true).build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[repeat];
        long[] wall = new long[repeat];
        Sandbox kept = fresh ? null : Sandbox.create(config);
        for (int i = 0; i < repeat; i++) {
            Sandbox sandbox = fresh ? Sandbox.create(config) : kept;
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            sandbox.eval(code, file.getFileName().toString()); // throws if the script fails
            wall[i] = System.nanoTime() - wallStart;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            if (fresh) {
                sandbox.close();
            }
        }
        if (kept != null) {
            kept.close();
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf("%s %s x%d: cpu best %.2f ms median %.2f ms; wall best %.2f ms median %.2f ms%n",
                file.getFileName(), fresh ? "fresh" : "warm", repeat, ms(cpu[0]), ms(cpu[repeat / 2]), ms(wall[0]), ms(wall[repeat / 2]));
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
