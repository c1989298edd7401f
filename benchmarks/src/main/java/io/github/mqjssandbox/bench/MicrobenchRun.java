package io.github.mqjssandbox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs upstream's microbench.js once per subject (it times itself for minutes, so it is no JMH
 * workload): the native reference, the sandbox's AOT engine through the library API in this JVM,
 * and Node on the same wasm module. Parses each printed table and writes the CSV.
 *
 * <pre>java -jar benchmarks.jar microbench|microbench-quick --script PATH --csv PATH
 *     [--native PATH] [--native-os PATH] [--node-host PATH --wasm PATH] [--library TEXT]</pre>
 */
final class MicrobenchRun {
    private static final int MEMORY_LIMIT = 64 << 20;
    private static final String FILE_NAME = "microbench.js";

    private final String source;
    private final MicrobenchResults results = new MicrobenchResults();
    private final long start = System.nanoTime();

    private MicrobenchRun(String source) {
        this.source = source;
    }

    static void main(Map<String, String> opts, boolean quick) throws Exception {
        MicrobenchScript script = MicrobenchScript.load(Path.of(opts.getOrDefault("script",
                MicrobenchScript.DEFAULT_PATH.toString())));
        MicrobenchRun run = new MicrobenchRun(script.source(quick));
        MicrobenchResults r = run.results;
        r.meta.put("quick", Boolean.toString(quick));
        r.meta.put("date", LocalDate.now().toString());
        r.meta.put("script", script.path.toString());
        r.meta.put("sha256", script.sha256);
        r.meta.put("prelude", MicrobenchScript.prelude(quick).trim());
        r.meta.put("library", opts.getOrDefault("library", "io.github.mqjssandbox:mquickjs-sandbox:0.1.0-SNAPSHOT"));
        r.meta.put("machine", Report.machine());
        r.meta.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        System.out.printf("== microbench.js (%s, sha256 %.12s), %s%n", script.path, script.sha256,
                quick ? "quick mode: " + String.join(" ", MicrobenchScript.QUICK_ARGS.subList(1,
                        MicrobenchScript.QUICK_ARGS.size())) : "every test");

        Path dir = Files.createTempDirectory("microbench");
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.writeString(file, run.source);
            String memory = Integer.toString(MEMORY_LIMIT);
            run.nativeBuild(RunAll.NATIVE, opts.get("native"), "no native binary given", memory, file);
            run.nativeBuild(RunAll.NATIVE_OS, opts.get("native-os"), "no native -Os binary given", memory, file);
            run.sandbox();
            if (opts.containsKey("node-host")) {
                r.meta.put("node", Report.command("node", "--version"));
                run.external(RunAll.NODE, List.of("node", opts.get("node-host"), opts.get("wasm"), file.toString(),
                        "--repeat", "1", "--memory-limit", memory));
            } else {
                r.missing.put(RunAll.NODE, "no node host given");
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        double minutes = run.seconds() / 60;
        r.meta.put("minutes", String.format(Locale.ROOT, "%.2f", minutes));
        Path csv = Path.of(opts.getOrDefault("csv", "benchmarks/results/microbench.csv"));
        r.write(csv);
        System.out.printf(Locale.ROOT, "%n%s%nmicrobench run took %.1f minutes; wrote %s%n",
                MicrobenchReport.table(r), minutes, csv);
    }

    /** A native build of the reference, if its binary was given. */
    private void nativeBuild(String subject, String binary, String missing, String memory, Path file) {
        if (binary == null) {
            results.missing.put(subject, missing);
        } else {
            external(subject, List.of(binary, "--memory-limit", memory, file.toString()));
        }
    }

    /** The sandbox as a user gets it: Engine.AOT, no timeout, the same memory limit and random seed. */
    private void sandbox() {
        String subject = MicrobenchResults.SANDBOX;
        long t0 = begin(subject, "mquickjs-sandbox Engine.AOT, flat memory, library API in this JVM");
        LinePrinter printer = new LinePrinter(subject);
        SandboxConfig config = SandboxConfig.builder()
                .engine(Engine.AOT)
                .timeout(Duration.ZERO)
                .memoryLimitBytes(MEMORY_LIMIT)
                .randomSeed(1)
                .flatMemory(true) // the faster layout (docs/performance.md); a sandbox as a compute job would use
                .outputListener(printer::accept)
                .build();
        try (Sandbox sandbox = Sandbox.create(config)) {
            EvalResult result = sandbox.eval(source, FILE_NAME);
            record(subject, result.output(), t0);
        } catch (RuntimeException e) {
            fail(subject, "failed: " + e, t0);
        }
    }

    /** mqjs-native or mqjs-node.mjs: one JSON line on stdout; a heartbeat while it runs. */
    private void external(String subject, List<String> command) {
        long t0 = begin(subject, String.join(" ", command));
        Path out = null;
        try {
            out = Files.createTempFile("microbench-" + subject, ".json");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            while (!p.waitFor(30, TimeUnit.SECONDS)) {
                System.out.printf(Locale.ROOT, "  [%s] still running, %.0f s%n", subject, (System.nanoTime() - t0) / 1e9);
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(30)) {
                    p.destroyForcibly();
                    fail(subject, "killed after 30 minutes", t0);
                    return;
                }
            }
            JsonNode json = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
            if (json == null || json.path("status").asInt(-1) != 0) {
                fail(subject, "failed: " + (json == null ? "no output" : json.toString()), t0);
                return;
            }
            String output = json.path("output").asText();
            LinePrinter printer = new LinePrinter(subject);
            printer.accept(output);
            record(subject, output, t0);
        } catch (IOException | InterruptedException | RuntimeException e) {
            fail(subject, "could not run: " + e, t0);
        } finally {
            try {
                if (out != null) Files.deleteIfExists(out);
            } catch (IOException e) {
                // a temp file left behind
            }
        }
    }

    private long begin(String subject, String what) {
        System.out.printf(Locale.ROOT, "== [%.0f s] %s: %s%n", seconds(), RunAll.shortLabel(subject), what);
        return System.nanoTime();
    }

    private void record(String subject, String output, long t0) {
        try {
            results.put(subject, MicrobenchTable.parse(output));
            System.out.printf(Locale.ROOT, "   %s done in %.1f s%n", RunAll.shortLabel(subject), (System.nanoTime() - t0) / 1e9);
        } catch (IllegalArgumentException e) {
            fail(subject, e.getMessage(), t0);
        }
    }

    private void fail(String subject, String why, long t0) {
        results.missing.put(subject, why);
        System.err.printf(Locale.ROOT, "   %s failed after %.1f s: %s%n", RunAll.shortLabel(subject),
                (System.nanoTime() - t0) / 1e9, why);
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Prints output line by line as it arrives, prefixed with the subject and the run's elapsed time. */
    private final class LinePrinter {
        private final String subject;
        private final StringBuilder pending = new StringBuilder();

        LinePrinter(String subject) {
            this.subject = subject;
        }

        void accept(String text) {
            pending.append(text);
            int nl;
            while ((nl = pending.indexOf("\n")) >= 0) {
                String line = pending.substring(0, nl);
                pending.delete(0, nl + 1);
                System.out.printf(Locale.ROOT, "  [%s %5.0f s] %s%n", subject, seconds(), line);
            }
        }
    }
}
