package io.github.mqjssandbox.examples.lambda;

import java.io.Serializable;
import java.security.SecureRandom;

/**
 * Where each sandbox's {@code Math.random} seed comes from. A JVM snapshot (CRaC, Lambda
 * SnapStart) freezes this object with the rest of the heap, so every JVM restored from one
 * snapshot would draw the same seeds from it; {@link #renew()}, called after each restore,
 * replaces the generator with one that takes its seed from the restored machine.
 *
 * <p>Serializable so that a test can copy its frozen state the way a snapshot does.
 */
final class SeedSource implements Serializable {
    private static final long serialVersionUID = 1L;

    private volatile SecureRandom random;

    SeedSource() {
        this(new SecureRandom());
    }

    /** Starts from {@code random}; tests pass a generator whose state they control. */
    SeedSource(SecureRandom random) {
        this.random = random;
    }

    long nextSeed() {
        return random.nextLong();
    }

    /**
     * Forgets the current generator. The new one is seeded by the JDK from the operating system
     * on first use, which happens after the restore.
     */
    void renew() {
        random = new SecureRandom();
    }
}
