package io.github.mqjssandbox.examples.evalservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mqjssandbox.examples.evalservice.load.LoadRunner;
import io.github.mqjssandbox.examples.evalservice.load.LoadStats;
import io.github.mqjssandbox.examples.evalservice.load.ScenarioMix;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The full load test's mix, short: 1,000 requests 8 at a time (load-test.sh runs 20,000 at 16). */
class ShortLoadTest {
    private static final int REQUESTS = 1_000;
    private static final int CONCURRENCY = 8;

    @Test
    void theMixGetsNo5xxAndNoUntypedFailure() throws Exception {
        LoadStats stats = new LoadStats(REQUESTS);
        try (EvalServer server = EvalServer.start(ServiceSettings.builder().port(0).build())) {
            LoadRunner runner = new LoadRunner(server.uri(), ScenarioMix.standard(), CONCURRENCY);
            boolean complete = runner.run(0, REQUESTS, stats, System.nanoTime() + TimeUnit.MINUTES.toNanos(5));
            assertTrue(complete, "not done within 5 minutes: " + stats.done());
        }
        assertEquals(REQUESTS, stats.done());
        assertEquals(0, stats.serverErrors(), () -> "5xx: " + stats.examples());
        assertEquals(0, stats.untyped(), () -> "untyped: " + stats.examples());
        assertEquals(0, stats.unexpected(), () -> "unexpected: " + stats.examples());
        assertEquals(ScenarioMix.standard().scenarios().size(), stats.outcomes().size(), "every scenario was sent");
    }
}
