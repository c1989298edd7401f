package io.github.mqjssandbox.examples.evalservice.load;

import java.lang.management.ManagementFactory;

/** The JVM heap in use once garbage is collected, for comparing the start of a run with its end. */
public final class HeapProbe {
    private HeapProbe() {}

    /**
     * Waits for idle sandboxes to hibernate (they fold their pages after 100 ms idle, on the
     * library's threads), then collects garbage a few times and reads the heap in use.
     */
    public static long usedAfterGc() throws InterruptedException {
        Thread.sleep(500);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
