package io.github.mqjssandbox;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ten thousand tenants in one small JVM: makes {@code count} sandboxes with the default settings
 * (a 16 MiB memory limit each), gives each a small state of globals and closures, lets them go
 * idle, and prints the heap each one holds then; every one must still answer from its own state.
 * Exits with status 1 if anything is wrong.
 *
 * <pre>
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/classpath.txt) io.github.mqjssandbox.IdleFootprintDemo 10000
 * </pre>
 */
public final class IdleFootprintDemo {
    private IdleFootprintDemo() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        SandboxConfig config = SandboxConfig.builder().memoryLimitBytes(16 << 20).build();
        try (Sandbox warm = Sandbox.create(config)) {
            warm.eval("1+2");
        }
        long before = usedHeapAfterGc();
        List<Sandbox> tenants = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Sandbox sandbox = Sandbox.create(config);
            sandbox.eval("var tenant = 'tenant-" + i + "', visits = 0, settings = {theme: 'dark', tags: ['a', 'b']};"
                    + " function visit(n) { visits += n; return tenant + ':' + visits; }"
                    + " var greet = (function (word) { return function () { return word + ' ' + tenant; }; })('hello');");
            tenants.add(sandbox);
        }
        long madeNanos = System.nanoTime() - start;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Sandbox sandbox : tenants) {
            while (!sandbox.memoryState().hibernating()) {
                if (System.nanoTime() > deadline) {
                    fail("a sandbox did not hibernate within 60 s of going idle");
                }
                Thread.yield();
            }
        }
        long after = usedHeapAfterGc();
        double perSandboxKiB = (after - before) / 1024.0 / count;
        long threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(EvalThreads.NAME_PREFIX)).count();
        System.out.printf("%d idle sandboxes (16 MiB limit each), made in %.1f s: %.1f KiB of heap each,"
                + " %d MiB in all, max heap %d MiB, %d evaluation threads%n", count, madeNanos / 1e9, perSandboxKiB,
                (after - before) >> 20, Runtime.getRuntime().maxMemory() >> 20, threads);
        for (int i = 0; i < count; i++) {
            Sandbox sandbox = tenants.get(i);
            String answer = sandbox.eval("visit(2) + '|' + greet() + '|' + settings.tags.join('')").value().asText();
            String expected = "tenant-" + i + ":2|hello tenant-" + i + "|ab";
            if (!expected.equals(answer)) {
                fail("sandbox " + i + " answered " + answer + ", expected " + expected);
            }
        }
        System.out.println("every sandbox answered from its own state");
        System.out.printf("per-sandbox-kib %.1f%n", perSandboxKiB);
        tenants.forEach(Sandbox::close);
    }

    private static void fail(String message) {
        System.out.println("FAILED: " + message);
        System.exit(1);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
