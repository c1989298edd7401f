package io.github.mqjssandbox;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Busy-waits a short while before a thread parks, with at most half the processors spinning at
 * once. Waking a parked thread costs tens of microseconds here, more than evaluating a small
 * script; a spinning thread sees the hand-off at once. Beyond the limit a spin would only take
 * the processor from the thread doing the work, so such a thread parks at once.
 */
final class SpinWait {
    /** Long enough to cover a small evaluation's hand-off and run (tens of microseconds). */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final int MAX_SPINNERS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    private final AtomicInteger spinners = new AtomicInteger();

    /** Spins until {@code done} is true or the spin time is up; true if done. */
    boolean spinUntil(BooleanSupplier done) {
        int now = spinners.get();
        if (now >= MAX_SPINNERS || !spinners.compareAndSet(now, now + 1)) {
            return done.getAsBoolean();
        }
        try {
            long deadline = System.nanoTime() + SPIN_NANOS;
            do {
                if (done.getAsBoolean()) {
                    return true;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() - deadline < 0);
            return done.getAsBoolean();
        } finally {
            spinners.decrementAndGet();
        }
    }
}
