package io.github.mqjssandbox.examples.evalservice.load;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A load result as markdown, for examples/eval-service/README.md and docs/load-test.md. */
public final class LoadReport {
    private LoadReport() {}

    public static String markdown(LoadResult r) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- written by examples/eval-service/load-test.sh (LoadTestMain); rerun it rather than editing the numbers -->\n\n");
        md.append("# Load test of the evaluation service\n\n");
        md.append("The HTTP service of [examples/eval-service](../examples/eval-service/README.md), run by ")
                .append("`examples/eval-service/load-test.sh`: the service in the test's JVM on a loopback ephemeral port, ")
                .append("client threads sending `POST /eval` back to back. Half the requests are ordinary scripts, a fifth ")
                .append("fail (syntax errors, throws), the rest are abusive: infinite loops under a 50 ms timeout, a fuel ")
                .append("burner, memory bombs, an output flood, deep recursion, limits far above the server's caps, ")
                .append("malformed JSON. The run passes with every request answered, no 5xx, no untyped failure (every 200 ")
                .append("a result with `ok` or a known error kind, every other status a typed `requestError`), every outcome ")
                .append("the one its scenario expects, and a flat heap after GC from the end of the first quarter to the end ")
                .append("of the last (measured with no request in flight).\n\n");
        md.append("**").append(r.passed() ? "Passed" : "FAILED").append("**: ")
                .append(count(r.requestsDone())).append(" requests, ")
                .append(r.clientConcurrency()).append(" at a time, on loopback, ")
                .append(r.serverErrors()).append(" 5xx, ")
                .append(r.untyped()).append(" untyped failures, ")
                .append(r.unexpected()).append(" unexpected outcomes, heap after GC ")
                .append(r.heapFlat() ? "flat" : "NOT flat").append(".\n\n");
        md.append("| measure | value |\n| --- | --- |\n");
        row(md, "date", r.date());
        row(md, "machine", r.machine());
        row(md, "system load average (1 min), start / end", r.loadAverage());
        row(md, "JVM", r.jvm());
        row(md, "revision", r.revision());
        row(md, "requests", count(r.requestsDone()) + " of " + count(r.requestsPlanned()) + ", "
                + r.clientConcurrency() + " client threads, " + r.serverSlots() + " evaluation slots on the server");
        row(md, "throughput", String.format(Locale.ROOT, "%.0f requests/s (%.1f s of sending)",
                r.requestsPerSecond(), r.sendingNanos() / 1e9));
        row(md, "latency p50 / p90 / p99 / max", millis(r.p50Nanos()) + " / " + millis(r.p90Nanos()) + " / "
                + millis(r.p99Nanos()) + " / " + millis(r.maxNanos()) + " ms");
        row(md, "5xx responses", Long.toString(r.serverErrors()));
        row(md, "untyped failures", Long.toString(r.untyped()));
        row(md, "unexpected outcomes", Long.toString(r.unexpected()));
        row(md, "heap after GC, end of each quarter", r.heapAfterGcBytes().stream().map(LoadReport::mib)
                .collect(Collectors.joining(" / ")) + " MiB");
        if (r.heapAfterGcBytes().size() == 4) {
            row(md, "heap growth, first to last quarter", String.format(Locale.ROOT, "%+.1f MiB (limit %.0f MiB)",
                    r.heapGrowthBytes() / 1048576.0, r.heapGrowthLimitBytes() / 1048576.0));
        }
        row(md, "sandboxes (server /metrics)", r.sandboxMetrics());
        md.append("\nOutcomes per scenario (every one was the expected outcome unless counted above):\n\n");
        md.append("| scenario | outcomes |\n| --- | --- |\n");
        for (Map.Entry<String, Map<String, Long>> e : r.outcomes().entrySet()) {
            row(md, "`" + e.getKey() + "`", e.getValue().entrySet().stream()
                    .map(o -> o.getKey() + " " + count(o.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        if (!r.examples().isEmpty()) {
            md.append("\nFirst problems:\n\n");
            r.examples().forEach(x -> md.append("- ").append(x.replace("|", "\\|")).append('\n'));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
