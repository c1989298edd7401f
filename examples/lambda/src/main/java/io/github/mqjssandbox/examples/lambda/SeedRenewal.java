package io.github.mqjssandbox.examples.lambda;

import java.io.Serializable;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Renews a {@link SeedSource} after every restore from a JVM snapshot. On a JDK without CRaC,
 * org.crac accepts the registration and never calls it: nothing is ever restored there.
 *
 * <p>Serializable so that a test can copy it, with its seed source, the way a snapshot does.
 */
final class SeedRenewal implements Resource, Serializable {
    private static final long serialVersionUID = 1L;

    private final SeedSource seeds;

    private SeedRenewal(SeedSource seeds) {
        this.seeds = seeds;
    }

    /**
     * Registers a renewal of {@code seeds} with the JVM's global CRaC context, which holds its
     * resources weakly: keep the returned object reachable for as long as the seeds are used.
     */
    static SeedRenewal registerFor(SeedSource seeds) {
        return registerFor(seeds, Core.getGlobalContext());
    }

    static SeedRenewal registerFor(SeedSource seeds, Context<Resource> context) {
        SeedRenewal renewal = new SeedRenewal(seeds);
        context.register(renewal);
        return renewal;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // nothing to release: the seed source holds no file or socket
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        seeds.renew();
    }
}
