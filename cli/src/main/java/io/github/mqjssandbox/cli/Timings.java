package io.github.mqjssandbox.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Evaluation times over {@code --repeat} runs: the minimum, and the median when repeated. */
final class Timings {
    private final List<Long> nanos = new ArrayList<>();

    void add(long evalNanos) {
        nanos.add(evalNanos);
    }

    long min() {
        return Collections.min(nanos);
    }

    long median() {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    void writeTo(ObjectNode json) {
        json.put("evalNanos", min());
        if (nanos.size() > 1) {
            json.put("evalNanosMedian", median());
        }
    }
}
