package io.github.mqjssandbox.examples.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.SandboxException;
import java.time.Duration;

/**
 * A Lambda function that evaluates the caller's JavaScript in a fresh sandbox per invocation,
 * under limits the caller may lower but never raise ({@link RequestLimits}).
 *
 * <p>Everything static here is made once per execution environment, in Lambda's init phase,
 * and so is what a SnapStart snapshot freezes: the base configuration, the engine module and
 * its template (loaded by {@link #warmUp()}), and the seed source. The first two hold no
 * randomness; the seed source does, and is renewed after every restore.
 */
public final class ScriptHandler implements RequestHandler<ScriptRequest, ScriptResult> {
    static final SandboxConfig BASE_CONFIG = SandboxConfig.builder()
            .maxSourceBytes(64 << 10)
            .maxOutputBytes(64 << 10)
            .hardStopGrace(RequestLimits.HARD_STOP_GRACE)
            // a sandbox lives for one invocation: it is never idle long enough to hibernate
            .hibernateWhenIdle(null)
            .build();

    private static final SeedSource SEEDS = new SeedSource();
    /** Held here because the CRaC context only holds it weakly. */
    private static final SeedRenewal SEED_RENEWAL = SeedRenewal.registerFor(SEEDS);

    static {
        warmUp();
    }

    private final SeedSource seeds;

    /** The constructor Lambda calls, once per execution environment. */
    public ScriptHandler() {
        this(SEEDS);
    }

    /** For tests: draws seeds from {@code seeds} instead of this JVM's shared source. */
    ScriptHandler(SeedSource seeds) {
        this.seeds = seeds;
    }

    @Override
    public ScriptResult handleRequest(ScriptRequest request, Context context) {
        if (request == null || request.getCode() == null) {
            return ScriptResult.rejected("the request has no code");
        }
        RequestLimits limits = RequestLimits.of(request, context.getRemainingTimeInMillis());
        SandboxConfig config = limits.applyTo(BASE_CONFIG, seeds.nextSeed());
        try (Sandbox sandbox = Sandbox.create(config)) {
            return ScriptResult.of(sandbox.eval(request.getCode(), "request.js"), limits);
        } catch (SandboxException e) {
            context.getLogger().log(context.getAwsRequestId() + " script failed: " + e.kind().label());
            return ScriptResult.failed(e, limits);
        } catch (IllegalArgumentException tooLarge) {
            return ScriptResult.rejected(tooLarge.getMessage());
        }
    }

    /**
     * Loads the (fuel-metered) engine module and makes the template of the default memory limit
     * now, in the init phase, so that the snapshot holds them and no invocation pays for them.
     * Safe to snapshot: a template's generator state is the engine's constant initial one, which
     * every sandbox overwrites with its own seed.
     */
    private static void warmUp() {
        RequestLimits defaults = new RequestLimits(Duration.ofSeconds(5), RequestLimits.DEFAULT_FUEL,
                RequestLimits.DEFAULT_MEMORY_BYTES);
        try (Sandbox sandbox = Sandbox.create(defaults.applyTo(BASE_CONFIG, SEEDS.nextSeed()))) {
            sandbox.eval("[1, 2, 3].map(function (x) { return x * Math.random(); }).length");
        }
    }
}
