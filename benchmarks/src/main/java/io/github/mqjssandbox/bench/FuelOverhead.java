package io.github.mqjssandbox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Fuel metering overhead (docs/limits.md): one JMH run of {@link EvalBenchmark} with the plain
 * AOT sandbox and the fuel-metered one on the throughput workloads, several forks each. The JIT
 * treats the split modules differently from fork to fork, so the table compares the median of
 * the per-fork medians rather than a mean over all forks.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.mqjssandbox.bench.FuelOverhead [FORKS]
 * java -cp benchmarks/target/benchmarks.jar io.github.mqjssandbox.bench.FuelOverhead --from-json JMH.json</pre>
 */
public final class FuelOverhead {
    private static final List<String> WORKLOADS = List.of("fib-27", "loop-1000", "json-100k", "string-build", "regex-scan");
    private static final String PLAIN = Subject.SANDBOX_AOT.name();
    private static final String METERED = Subject.SANDBOX_AOT_METERED.name();

    private FuelOverhead() {}

    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length == 2 && args[0].equals("--from-json")) {
            JsonNode results = new ObjectMapper().readTree(new File(args[1]));
            System.out.print(table(results, results.path(0).path("forks").asInt()));
            return;
        }
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        File json = File.createTempFile("fuel-overhead", ".json");
        new Runner(new OptionsBuilder()
                .include(EvalBenchmark.class.getName() + ".eval")
                .param("subject", PLAIN, METERED)
                .param("workload", WORKLOADS.toArray(new String[0]))
                .forks(forks)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
                .result(json.getPath())
                .build()).run();
        System.out.print(table(new ObjectMapper().readTree(json), forks));
    }

    /** Markdown table from JMH's JSON results: per workload, both subjects and their ratio. */
    static String table(JsonNode results, int forks) {
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String subject = r.path("params").path("subject").asText();
            String workload = r.path("params").path("workload").asText();
            List<Double> perFork = new ArrayList<>();
            for (JsonNode fork : r.path("primaryMetric").path("rawData")) {
                List<Double> iterations = new ArrayList<>();
                fork.forEach(v -> iterations.add(v.asDouble()));
                perFork.add(median(iterations));
            }
            medians.computeIfAbsent(workload, w -> new LinkedHashMap<>()).put(subject, median(perFork));
        }
        StringBuilder out = new StringBuilder();
        out.append("| workload | plain | metered | metered / plain |\n| --- | --- | --- | --- |\n");
        for (String workload : WORKLOADS) {
            Map<String, Double> m = medians.get(workload);
            if (m == null || !m.containsKey(PLAIN) || !m.containsKey(METERED)) continue;
            out.append(String.format("| %s | %s | %s | %.2f |%n", Workloads.label(workload), ms(m.get(PLAIN)),
                    ms(m.get(METERED)), m.get(METERED) / m.get(PLAIN)));
        }
        out.append(String.format("%nmedian of %d per-fork medians (µs/op from JMH, shown in ms)%n", forks));
        return out.toString();
    }

    private static String ms(double micros) {
        return micros >= 10_000 ? String.format("%.0f ms", micros / 1000) : String.format("%.2f ms", micros / 1000);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
