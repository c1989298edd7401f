package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts of {@code POST /eval} outcomes and their latencies, since the server started. */
final class ServiceMetrics {
    private static final int LATENCY_WINDOW = 10_000;

    private final long startedNanos = System.nanoTime();
    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);
    private final LatencyWindow latencies = new LatencyWindow(LATENCY_WINDOW);

    ServiceMetrics() {
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, new LongAdder());
        }
    }

    void record(Outcome outcome, long latencyNanos) {
        counts.get(outcome).increment();
        latencies.record(latencyNanos);
    }

    long count(Outcome outcome) {
        return counts.get(outcome).sum();
    }

    long uptimeMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** {@code {"total": N, "byOutcome": {...every outcome...}, "latencyMs": {...}}}. */
    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ObjectNode byOutcome = JsonNodeFactory.instance.objectNode();
        long total = 0;
        for (Outcome outcome : Outcome.values()) {
            long n = count(outcome);
            byOutcome.put(outcome.label(), n);
            total += n;
        }
        json.put("total", total);
        json.set("byOutcome", byOutcome);
        ObjectNode latency = latencies.toJson();
        latency.put("window", LATENCY_WINDOW);
        json.set("latencyMs", latency);
        return json;
    }
}
