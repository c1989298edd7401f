package io.github.mqjssandbox.examples.evalservice.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mqjssandbox.examples.evalservice.EvalServer;
import io.github.mqjssandbox.examples.evalservice.ServiceSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The full load test: starts the service in this JVM on a loopback ephemeral port, sends the
 * {@link ScenarioMix#standard() standard mix} in four quarters, and between quarters (with no
 * request in flight) measures the heap after GC. Passes with every request answered, no 5xx, no
 * untyped failure, every outcome the expected one, and a flat heap from the first quarter to the
 * last. Exit status 0 when it passes, 1 when not, 2 on bad arguments.
 *
 * <p>{@code load-test.sh [--requests N] [--concurrency N] [--slots N] [--max-seconds N]
 * [--heap-growth-limit-mib N] [--markdown FILE] [--revision TEXT]}
 */
public final class LoadTestMain {
    private int requests = 20_000;
    private int concurrency = 16;
    private int slots = ServiceSettings.DEFAULT_CONCURRENCY;
    private long maxSeconds = 900;
    private long heapGrowthLimitMib = 8;
    private Path markdown;
    private String revision = "unknown";

    public static void main(String[] args) throws Exception {
        LoadTestMain test = new LoadTestMain();
        try {
            test.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load test: " + e.getMessage());
            System.exit(2);
        }
        LoadResult result = test.run();
        String report = LoadReport.markdown(result);
        System.out.println();
        System.out.println(report);
        if (test.markdown != null) {
            Files.writeString(test.markdown, report, StandardCharsets.UTF_8);
            System.out.println("written to " + test.markdown);
        }
        System.exit(result.passed() ? 0 : 1);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(value);
                case "--concurrency" -> concurrency = Integer.parseInt(value);
                case "--slots" -> slots = Integer.parseInt(value);
                case "--max-seconds" -> maxSeconds = Long.parseLong(value);
                case "--heap-growth-limit-mib" -> heapGrowthLimitMib = Long.parseLong(value);
                case "--markdown" -> markdown = Path.of(value);
                case "--revision" -> revision = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (requests < 4 || concurrency < 1 || slots < 1 || maxSeconds < 1) {
            throw new IllegalArgumentException("--requests must be at least 4, the others at least 1");
        }
    }

    private LoadResult run() throws IOException, InterruptedException {
        ServiceSettings settings = ServiceSettings.builder().port(0).concurrency(slots).build();
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        LoadStats stats = new LoadStats(requests);
        List<Long> heapAfterGc = new ArrayList<>();
        long sendingNanos = 0;
        String sandboxMetrics;
        try (EvalServer server = EvalServer.start(settings)) {
            System.out.printf(Locale.ROOT, "load test: %,d requests, %d at a time, against %s (%d evaluation slots), at most %d s%n",
                    requests, concurrency, server.uri(), slots, maxSeconds);
            LoadRunner runner = new LoadRunner(server.uri(), ScenarioMix.standard(), concurrency);
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
            ScheduledExecutorService progress = startProgress(stats, start);
            try {
                long first = 0;
                for (int quarter = 1; quarter <= 4; quarter++) {
                    int count = quarter < 4 ? requests / 4 : requests - 3 * (requests / 4);
                    long batchStart = System.nanoTime();
                    boolean complete = runner.run(first, count, stats, deadline);
                    sendingNanos += System.nanoTime() - batchStart;
                    first += count;
                    if (!complete) {
                        System.out.println("load test: stopped at the " + maxSeconds + " s deadline");
                        break;
                    }
                    long heap = HeapProbe.usedAfterGc();
                    heapAfterGc.add(heap);
                    System.out.printf(Locale.ROOT, "quarter %d done: %,d requests so far; heap after GC %s MiB%n",
                            quarter, stats.done(), LoadReport.mib(heap));
                }
            } finally {
                progress.shutdownNow();
            }
            sandboxMetrics = sandboxMetrics(server.uri());
        }
        String loadAverage = String.format(Locale.ROOT, "%.1f / %.1f", loadAtStart,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return new LoadResult(LocalDate.now().toString(), machine(), loadAverage, jvm(), revision, requests, stats.done(),
                concurrency, slots, sendingNanos,
                stats.latencyPercentile(50), stats.latencyPercentile(90), stats.latencyPercentile(99),
                stats.latencyPercentile(100), stats.serverErrors(), stats.untyped(), stats.unexpected(),
                stats.examples(), stats.outcomes(), heapAfterGc, heapGrowthLimitMib << 20, sandboxMetrics);
    }

    private ScheduledExecutorService startProgress(LoadStats stats, long start) {
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "load-progress");
            thread.setDaemon(true);
            return thread;
        });
        progress.scheduleAtFixedRate(() -> {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "[%6.1f s] %,7d / %,d requests, %5.0f/s overall, 5xx %d, untyped %d, unexpected %d%n",
                    seconds, stats.done(), requests, stats.done() / seconds, stats.serverErrors(), stats.untyped(),
                    stats.unexpected());
        }, 2, 2, TimeUnit.SECONDS);
        return progress;
    }

    /** The server's own sandbox counts, from {@code GET /metrics}. */
    private static String sandboxMetrics(URI server) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode s = new ObjectMapper().readTree(response.body()).path("sandboxes");
        return String.format(Locale.ROOT, "%d pools (one per limit set); %,d sandboxes created, %,d reuses, %,d resets, %,d discarded",
                s.path("pools").asLong(), s.path("created").asLong(), s.path("reused").asLong(),
                s.path("resets").asLong(), s.path("discarded").asLong());
    }

    private static String machine() {
        String cpu = "";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> ", " + l.substring(l.indexOf(':') + 1).trim()).orElse("");
        } catch (IOException | RuntimeException e) {
            // not Linux: the core count alone
        }
        long ram = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return Runtime.getRuntime().availableProcessors() + " cores" + cpu + ", " + (ram >> 30) + " GiB RAM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ", heap max "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB";
    }
}
