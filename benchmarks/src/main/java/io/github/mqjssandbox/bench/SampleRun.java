package io.github.mqjssandbox.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one sample-time benchmark class with one parameter (a short section of the benchmarks:
 * {@link PreloadBenchmark}, {@link TranspileBenchmark}) and writes p50, p90 and the mean of each
 * case to a CSV (and the console).
 *
 * <pre>java -cp benchmarks.jar io.github.mqjssandbox.bench.SampleRun CLASS PARAM CSV LIBRARY-TEXT</pre>
 */
public final class SampleRun {
    private SampleRun() {}

    public static void main(String[] args) throws Exception {
        String benchmark = "io.github.mqjssandbox.bench." + args[0];
        String param = args[1];
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(benchmark)
                .forks(1)
                .warmupIterations(5).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .build()).run();
        List<String> lines = new ArrayList<>();
        lines.add("# date=" + java.time.LocalDate.now() + " machine=" + Report.machine()
                + " jvm=" + System.getProperty("java.version") + " library=" + (args.length > 3 ? args[3] : "?"));
        lines.add(param + ",case,p50_us,p90_us,mean_us");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            var stats = r.getPrimaryResult().getStatistics();
            double scale = r.getParams().getTimeUnit().toNanos(1) / 1000.0;
            lines.add(String.format(Locale.ROOT, "%s,%s,%.1f,%.1f,%.1f", r.getParams().getParam(param),
                    name.substring(name.lastIndexOf('.') + 1), stats.getPercentile(50) * scale,
                    stats.getPercentile(90) * scale, stats.getMean() * scale));
        }
        Path csv = Path.of(args[2]);
        Files.write(csv, lines, StandardCharsets.UTF_8);
        System.out.println(String.join("\n", lines));
    }
}
