package io.github.mqjssandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the engine's own training scripts (wasm/profile/corpus: recursion, loops, objects, arrays,
 * strings, JSON, regular expressions, exceptions, numbers; the same corpus that orders the
 * build's function splitting) in a throwaway sandbox, so that HotSpot compiles the engine's large
 * functions before a caller's scripts need them. See {@link Sandbox#warmUp}.
 */
final class EngineWarmUp {
    /** The corpus files, copied into the jar under warmup/ by the build; a test checks the list. */
    static final List<String> SCRIPTS = List.of("recursion.js", "loops.js", "objects.js", "arrays.js",
            "strings.js", "json.js", "regex.js", "errors.js", "numbers.js");

    private EngineWarmUp() {}

    /**
     * Evaluates the scripts in turn, round after round, until {@code budget} has passed (checked
     * between scripts, so at least one runs); how many ran.
     */
    static int run(SandboxConfig config, Duration budget) {
        List<String> sources = sources();
        SandboxConfig.Builder throwaway = config.newBuilder().outputListener(null);
        if (config.fuelMetered()) {
            throwaway.fuelLimit(SandboxConfig.MAX_FUEL_LIMIT); // the metered module, never out of fuel
        }
        long end = System.nanoTime() + budget.toNanos();
        int ran = 0;
        try (Sandbox sandbox = Sandbox.create(throwaway.build())) {
            do {
                for (int i = 0; i < sources.size() && (ran == 0 || System.nanoTime() < end); i++) {
                    try {
                        sandbox.eval(sources.get(i), SCRIPTS.get(i));
                    } catch (LimitExceededException tooSmall) {
                        sandbox.reset(); // a small memory limit or timeout: the engine ran all the same
                    }
                    ran++;
                }
            } while (System.nanoTime() < end);
        }
        return ran;
    }

    private static List<String> sources() {
        List<String> sources = new ArrayList<>();
        for (String name : SCRIPTS) {
            try (InputStream in = EngineWarmUp.class.getResourceAsStream("/warmup/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("warm-up script missing from the jar: warmup/" + name);
                }
                sources.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }
}
