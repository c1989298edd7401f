package io.github.mqjssandbox.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Fuel metering overhead (docs/limits.md): {@link EvalBenchmark} with the plain AOT sandbox and
 * the fuel-metered one on the throughput workloads. The machine drifts and the JIT treats the
 * split modules differently from fork to fork, so the two are measured in alternating single
 * forks (per round and workload: plain then metered, or metered then plain on odd rounds) and
 * the table compares the median of the per-fork medians.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.mqjssandbox.bench.FuelOverhead [ROUNDS [WORKLOAD...]]
 * java -cp benchmarks/target/benchmarks.jar io.github.mqjssandbox.bench.FuelOverhead --from-json RESULTS.json</pre>
 */
public final class FuelOverhead {
    private static final List<String> WORKLOADS = List.of("fib-27", "loop-1000", "json-100k", "string-build", "regex-scan");
    private static final String PLAIN = Subject.SANDBOX_AOT.name();
    private static final String METERED = Subject.SANDBOX_AOT_METERED.name();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FuelOverhead() {}

    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length == 2 && args[0].equals("--from-json")) {
            System.out.print(table(MAPPER.readValue(new File(args[1]), ForkScores.class)));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> workloads = args.length > 1 ? List.of(args).subList(1, args.length) : WORKLOADS;
        ForkScores scores = new ForkScores();
        for (int round = 0; round < rounds; round++) {
            List<String> order = round % 2 == 0 ? List.of(PLAIN, METERED) : List.of(METERED, PLAIN);
            for (String workload : workloads) {
                for (String subject : order) {
                    scores.add(workload, subject, oneFork(subject, workload));
                }
            }
        }
        File json = File.createTempFile("fuel-overhead", ".json");
        MAPPER.writeValue(json, scores);
        System.out.println("per-fork scores saved to " + json);
        System.out.print(table(scores));
    }

    /** The measurement iterations (µs/op) of one JMH fork. */
    private static List<Double> oneFork(String subject, String workload) throws RunnerException {
        List<Double> iterations = new ArrayList<>();
        for (RunResult run : new Runner(new OptionsBuilder()
                .include(EvalBenchmark.class.getName() + ".eval")
                .param("subject", subject)
                .param("workload", workload)
                .forks(1)
                // The split modules take ~10 s to reach C2's steady state on two cores.
                .warmupIterations(6).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .build()).run()) {
            for (BenchmarkResult result : run.getBenchmarkResults()) {
                result.getIterationResults().forEach(i -> iterations.add(i.getPrimaryResult().getScore()));
            }
        }
        return iterations;
    }

    /** Per workload and subject, the iteration scores of each fork, in the order they ran. */
    static final class ForkScores {
        public Map<String, Map<String, List<List<Double>>>> forks = new LinkedHashMap<>();

        void add(String workload, String subject, List<Double> iterations) {
            forks.computeIfAbsent(workload, w -> new LinkedHashMap<>())
                    .computeIfAbsent(subject, s -> new ArrayList<>()).add(iterations);
        }

        double medianOfForkMedians(String workload, String subject) {
            List<Double> perFork = new ArrayList<>();
            for (List<Double> iterations : forks.get(workload).get(subject)) {
                perFork.add(median(iterations));
            }
            return median(perFork);
        }
    }

    /** Markdown table: per workload, both subjects and their ratio. */
    static String table(ForkScores scores) {
        StringBuilder out = new StringBuilder();
        out.append("| workload | plain | metered | metered / plain |\n| --- | --- | --- | --- |\n");
        int rounds = 0;
        for (String workload : WORKLOADS) {
            Map<String, List<List<Double>>> m = scores.forks.get(workload);
            if (m == null || !m.containsKey(PLAIN) || !m.containsKey(METERED)) continue;
            rounds = Math.max(rounds, m.get(PLAIN).size());
            double plain = scores.medianOfForkMedians(workload, PLAIN);
            double metered = scores.medianOfForkMedians(workload, METERED);
            out.append(String.format("| %s | %s | %s | %.2f |%n", Workloads.label(workload), ms(plain), ms(metered),
                    metered / plain));
        }
        out.append(String.format("%nmedian of %d per-fork medians, forks alternating (µs/op from JMH, shown in ms)%n",
                rounds));
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
