package io.github.mqjssandbox.examples.evalservice.load;

import java.util.List;
import java.util.Map;

/** Everything a full load run measured, and whether it passed. */
public record LoadResult(
        String date,
        String machine,
        String loadAverage,
        String jvm,
        String revision,
        int requestsPlanned,
        int requestsDone,
        int clientConcurrency,
        int serverSlots,
        long sendingNanos,
        long p50Nanos,
        long p90Nanos,
        long p99Nanos,
        long maxNanos,
        long serverErrors,
        long untyped,
        long unexpected,
        List<String> examples,
        Map<String, Map<String, Long>> outcomes,
        List<Long> heapAfterGcBytes,
        long heapGrowthLimitBytes,
        String sandboxMetrics) {

    public double requestsPerSecond() {
        return requestsDone / (sendingNanos / 1e9);
    }

    /** Heap after GC at the end of the last quarter minus at the end of the first. */
    public long heapGrowthBytes() {
        return heapAfterGcBytes.get(heapAfterGcBytes.size() - 1) - heapAfterGcBytes.get(0);
    }

    public boolean completed() {
        return requestsDone == requestsPlanned && heapAfterGcBytes.size() == 4;
    }

    public boolean heapFlat() {
        return completed() && heapGrowthBytes() <= heapGrowthLimitBytes;
    }

    public boolean passed() {
        return completed() && serverErrors == 0 && untyped == 0 && unexpected == 0 && heapFlat();
    }
}
