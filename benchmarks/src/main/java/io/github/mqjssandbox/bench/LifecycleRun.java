package io.github.mqjssandbox.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link LifecycleBenchmark} (sample time, so percentiles) and keeps p50, p90 and the mean of
 * each operation in a CSV that {@link LifecycleReport} turns into a section of docs/benchmarks.md.
 *
 * <pre>java -cp benchmarks.jar io.github.mqjssandbox.bench.LifecycleRun --csv PATH [--library TEXT]</pre>
 */
public final class LifecycleRun {
    private LifecycleRun() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long start = System.nanoTime();
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(LifecycleBenchmark.class.getName())
                .forks(1)
                .warmupIterations(10).warmupTime(TimeValue.seconds(1)) // the AOT code and the hand-off need ~5 s to settle
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .build()).run();
        double idle = IdleFootprint.kibPerSandbox(2000);
        List<String> lines = new ArrayList<>();
        lines.add("# date=" + java.time.LocalDate.now() + " machine=" + Report.machine()
                + " jvm=" + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " library=" + opts.getOrDefault("library", "?")
                + String.format(Locale.ROOT, " minutes=%.1f", (System.nanoTime() - start) / 60e9));
        lines.add("operation,p50_us,p90_us,mean_us");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1) + "@" + (Integer.parseInt(r.getParams().getParam("memoryLimit")) >> 20) + "MiB";
            var stats = r.getPrimaryResult().getStatistics();
            double scale = toMicros(r.getParams().getTimeUnit());
            lines.add(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f", name, stats.getPercentile(50) * scale,
                    stats.getPercentile(90) * scale, stats.getMean() * scale));
        }
        lines.add(String.format(Locale.ROOT, "idleFootprintKiB@16MiB,%.2f,%.2f,%.2f", idle, idle, idle));
        Path csv = Path.of(opts.getOrDefault("csv", "benchmarks/results/lifecycle.csv"));
        Files.write(csv, lines, StandardCharsets.UTF_8);
        System.out.println(String.join("\n", lines));
    }

    private static double toMicros(TimeUnit unit) {
        return unit.toNanos(1) / 1000.0;
    }

    /** The CSV's operations in order, with their numbers, and its header line's fields. */
    record Results(Map<String, String> meta, Map<String, double[]> rows) {
        static Results read(Path csv) throws IOException {
            Map<String, String> meta = new LinkedHashMap<>();
            Map<String, double[]> rows = new LinkedHashMap<>();
            for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
                if (line.startsWith("# ")) {
                    for (String field : line.substring(2).split(" (?=[a-z]+=)")) {
                        int eq = field.indexOf('=');
                        meta.put(field.substring(0, eq), field.substring(eq + 1));
                    }
                } else if (!line.startsWith("operation,") && !line.isBlank()) {
                    String[] f = line.split(",");
                    rows.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
                }
            }
            return new Results(meta, rows);
        }
    }
}
