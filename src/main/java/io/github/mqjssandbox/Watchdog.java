package io.github.mqjssandbox;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread for every sandbox's delayed actions: overrun alarms and hard stops. A
 * cancelled alarm leaves its queue at once: it holds its run's host (output buffer, fuel gauge
 * and so the wasm instance), which would otherwise stay reachable until the alarm's time.
 */
final class Watchdog {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "mquickjs-sandbox-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private Watchdog() {}

    static ScheduledFuture<?> schedule(Runnable action, long delayNanos) {
        return TIMER.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
    }
}
