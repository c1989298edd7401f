package io.github.mqjssandbox.examples.evalservice.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What a load run saw, recorded from many threads: outcomes per scenario, problems, latencies. */
public final class LoadStats {
    private static final int MAX_EXAMPLES = 10;

    private final long[] latencyNanos;
    private final AtomicInteger recorded = new AtomicInteger();
    private final Map<String, Map<String, LongAdder>> outcomes = new ConcurrentHashMap<>();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder untyped = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final List<String> examples = new ArrayList<>();

    public LoadStats(int capacity) {
        this.latencyNanos = new long[capacity];
    }

    /** A response: its status, what it said, and whether the scenario allows that. */
    public void record(Scenario scenario, int status, ResponseClassifier.Classified classified, long nanos) {
        latency(nanos);
        count(scenario, classified.label());
        if (status >= 500) {
            serverErrors.increment();
            example(scenario.name() + " got HTTP " + status);
        }
        if (!classified.typed()) {
            untyped.increment();
            example(scenario.name() + ": " + classified.label());
        } else if (!scenario.expected().contains(classified.label())) {
            unexpected.increment();
            example(scenario.name() + " expected " + scenario.expected() + ", got " + classified.label());
        }
    }

    /** No response at all (connection refused or reset, timeout): untyped by definition. */
    public void recordTransportFailure(Scenario scenario, Exception failure, long nanos) {
        latency(nanos);
        count(scenario, "no response");
        untyped.increment();
        example(scenario.name() + ": no response: " + failure);
    }

    private void latency(long nanos) {
        int index = recorded.getAndIncrement();
        if (index < latencyNanos.length) {
            latencyNanos[index] = nanos;
        }
    }

    private void count(Scenario scenario, String label) {
        outcomes.computeIfAbsent(scenario.name(), n -> new ConcurrentHashMap<>())
                .computeIfAbsent(label, l -> new LongAdder())
                .increment();
    }

    private void example(String text) {
        synchronized (examples) {
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(text);
            }
        }
    }

    public int done() {
        return recorded.get();
    }

    public long serverErrors() {
        return serverErrors.sum();
    }

    public long untyped() {
        return untyped.sum();
    }

    public long unexpected() {
        return unexpected.sum();
    }

    public List<String> examples() {
        synchronized (examples) {
            return List.copyOf(examples);
        }
    }

    /** Scenario name to outcome label to count, both sorted. */
    public Map<String, Map<String, Long>> outcomes() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        outcomes.forEach((scenario, labels) -> {
            Map<String, Long> counts = new TreeMap<>();
            labels.forEach((label, n) -> counts.put(label, n.sum()));
            copy.put(scenario, counts);
        });
        return copy;
    }

    /** Nearest-rank percentile of the recorded latencies, in nanoseconds (read once the run is over). */
    public long latencyPercentile(double percent) {
        long[] sorted = Arrays.copyOf(latencyNanos, Math.min(done(), latencyNanos.length));
        if (sorted.length == 0) {
            return 0;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
