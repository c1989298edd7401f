package io.github.mqjssandbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One daemon thread for every sandbox's delayed actions: overrun alarms and hard stops. */
final class Watchdog {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mquickjs-sandbox-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private Watchdog() {}

    static ScheduledFuture<?> schedule(Runnable action, long delayNanos) {
        return TIMER.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
    }
}
