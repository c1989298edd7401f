package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * The latencies of the most recent {@code capacity} requests, for percentiles: a fixed ring, so
 * its memory does not grow with the number of requests served.
 */
final class LatencyWindow {
    private final long[] nanos;
    private long recorded;

    LatencyWindow(int capacity) {
        this.nanos = new long[capacity];
    }

    synchronized void record(long latencyNanos) {
        nanos[(int) (recorded % nanos.length)] = latencyNanos;
        recorded++;
    }

    /** {@code {"samples": N, "p50": ms, "p90": ms, "p99": ms, "max": ms}} over the window. */
    ObjectNode toJson() {
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(nanos, (int) Math.min(recorded, nanos.length));
        }
        Arrays.sort(sorted);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("samples", sorted.length);
        json.put("p50", millis(percentile(sorted, 50)));
        json.put("p90", millis(percentile(sorted, 90)));
        json.put("p99", millis(percentile(sorted, 99)));
        json.put("max", millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        return json;
    }

    /** The nearest-rank percentile; 0 for no samples. */
    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Milliseconds with three decimals. */
    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
