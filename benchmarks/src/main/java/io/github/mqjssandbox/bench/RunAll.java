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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One benchmark run: the native reference and Node (external processes, on the same workload
 * files), then the JMH benchmarks of every JVM subject, merged into docs/benchmarks.md and a PNG.
 *
 * <pre>java -jar benchmarks.jar short|full --native PATH --node-host PATH --wasm PATH
 *     --workloads DIR --doc PATH --png PATH --csv PATH [--command TEXT] [--microbench CSV]</pre>
 *
 * {@code --microbench CSV} adds the section of an earlier {@link MicrobenchRun} to the report;
 * {@code microbench|microbench-quick} as the mode runs {@link MicrobenchRun} instead.
 */
public final class RunAll {
    static final String NATIVE = "NATIVE";
    static final String NODE = "NODE";
    /** Upstream's default build (-Os): only the microbench runs it. */
    static final String NATIVE_OS = "NATIVE_OS";

    /** Columns of the report, in order: the two references, then the JVM subjects. */
    static final List<String> COLUMNS = new ArrayList<>();
    static {
        COLUMNS.add(NATIVE);
        COLUMNS.add(NODE);
        for (Subject s : Subject.values()) COLUMNS.add(s.name());
    }

    static String label(String column) {
        if (NATIVE.equals(column)) return "native mquickjs (gcc -O2)";
        if (NATIVE_OS.equals(column)) return "native mquickjs (gcc -Os, upstream's default)";
        if (NODE.equals(column)) return "Node 20 (V8) on the same wasm";
        return Subject.valueOf(column).label;
    }

    static String shortLabel(String column) {
        switch (column) {
            case NATIVE: return "native";
            case NATIVE_OS: return "native -Os";
            case NODE: return "Node wasm";
            case "SANDBOX_AOT": return "sandbox AOT";
            case "SANDBOX_AOT_FLAT": return "sandbox AOT flat";
            case "SANDBOX_AOT_METERED": return "sandbox AOT+fuel";
            case "SANDBOX_COMPILER": return "sandbox COMPILER";
            case "SANDBOX_INTERPRETER": return "sandbox INTERP";
            case "QUICKJS4J": return "quickjs4j";
            case "RHINO_INTERPRETED": return "Rhino interp";
            case "RHINO_COMPILED": return "Rhino compiled";
            case "NASHORN": return "Nashorn";
            case "GRAALJS": return "GraalJS (no JIT)";
            default: return column;
        }
    }

    /** workload -> column -> microseconds per operation. */
    final Map<String, Map<String, Double>> micros = new LinkedHashMap<>();
    /** workload -> column -> why there is no number. */
    final Map<String, Map<String, String>> missing = new LinkedHashMap<>();
    boolean full;
    final Map<String, String> opts;
    /** When and where the numbers were measured: now and here, or as the CSV read says. */
    String date = java.time.LocalDate.now().toString();
    String machine = Report.machine();

    RunAll(boolean full, Map<String, String> opts) {
        this.full = full;
        this.opts = opts;
        for (String w : Workloads.ALL) {
            micros.put(w, new LinkedHashMap<>());
            missing.put(w, new LinkedHashMap<>());
        }
    }

    public static void main(String[] args) throws Exception {
        // -Dshort / -Dfull work as well as the first argument
        String mode = System.getProperty("full") != null ? "full" : "short";
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) opts.put(args[i].substring(2), args[++i]);
            else mode = args[i];
        }
        if (mode.equals("microbench") || mode.equals("microbench-quick")) {
            // upstream's microbench.js: minutes per subject, its own CSV; the docs come from `report`
            try {
                MicrobenchRun.main(opts, mode.equals("microbench-quick"));
            } catch (java.nio.file.NoSuchFileException e) {
                System.err.println("microbench: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        if (!mode.equals("short") && !mode.equals("full")) {
            System.err.println("usage: RunAll short|full --native PATH --node-host PATH --wasm PATH --workloads DIR"
                    + " --doc PATH --png PATH --csv PATH [--subjects A,B] [--command TEXT] [--microbench CSV]\n"
                    + "       RunAll microbench|microbench-quick --script PATH --csv PATH [--native PATH]"
                    + " [--node-host PATH --wasm PATH] [--library TEXT]");
            System.exit(2);
        }
        RunAll run = new RunAll(mode.equals("full"), opts);
        double minutes;
        Path csv = Path.of(opts.getOrDefault("csv", "benchmarks/results/latest.csv"));
        if (opts.containsKey("from-csv")) {
            // regenerate the report of an earlier run without measuring again
            minutes = run.readCsv(Path.of(opts.get("from-csv")));
        } else {
            long start = System.nanoTime();
            run.externals();
            run.jmh();
            minutes = (System.nanoTime() - start) / 60e9;
            run.writeCsv(csv, minutes);
        }
        Path png = Path.of(opts.getOrDefault("png", "docs/benchmarks.png"));
        Chart.render(run, png);
        Report.write(run, Path.of(opts.getOrDefault("doc", "docs/benchmarks.md")), png, minutes);
        System.out.printf(Locale.ROOT, opts.containsKey("from-csv") ? "%nrewrote the docs (that run took %.1f minutes)%n"
                : "%nbenchmark run took %.1f minutes%n", minutes);
    }

    // ---- native reference and Node: external processes timing sbx_eval in a fresh context ----

    private static final Pattern MEDIAN = Pattern.compile("\"evalNanosMedian\":(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\":(\\d+)");
    private static final Pattern VALUE = Pattern.compile("\"value\":\"([^\"]*)\"");

    void externals() throws Exception {
        String memory = Integer.toString(64 << 20);
        Path dir = Path.of(opts.getOrDefault("workloads", "benchmarks/src/main/resources/workloads"));
        String nativeBin = opts.get("native");
        String nodeHost = opts.get("node-host");
        String wasm = opts.get("wasm");
        if (nodeHost != null) {
            external(NODE, Workloads.CREATE, null, List.of("node", nodeHost, wasm, "--create",
                    "--repeat", full ? "5000" : "1000", "--memory-limit", memory));
        }
        for (String w : Workloads.EVAL) {
            String file = dir.resolve(w + ".js").toString();
            String expected = Workloads.expected(Workloads.source(w));
            boolean heavy = Workloads.HEAVY.contains(w);
            String repeat = heavy ? (full ? "21" : "7") : (full ? "2001" : "301");
            if (nativeBin != null) {
                external(NATIVE, w, expected, List.of(nativeBin, "--memory-limit", memory, "--repeat", repeat, file));
            } else {
                missing.get(w).put(NATIVE, "no native binary");
            }
            if (nodeHost != null) {
                external(NODE, w, expected, List.of("node", nodeHost, wasm, file, "--repeat", repeat,
                        "--memory-limit", memory));
            } else {
                missing.get(w).put(NODE, "no node host");
            }
        }
    }

    private void external(String column, String workload, String expected, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES)) p.destroyForcibly();
            Matcher st = STATUS.matcher(out), med = MEDIAN.matcher(out), val = VALUE.matcher(out);
            if (!st.find() || !st.group(1).equals("0") || !med.find()) {
                missing.get(workload).put(column, "failed: " + out.trim());
                System.err.println(column + " " + workload + " failed: " + out);
                return;
            }
            if (expected != null && (!val.find() || !val.group(1).equals(expected))) {
                missing.get(workload).put(column, "wrong result");
                System.err.println(column + " " + workload + ": expected " + expected + ": " + out);
                return;
            }
            double us = Long.parseLong(med.group(1)) / 1000.0;
            micros.get(workload).put(column, us);
            System.out.printf(Locale.ROOT, "%-8s %-14s %12.1f us (median)%n", column, workload, us);
        } catch (IOException | InterruptedException e) {
            missing.get(workload).put(column, "could not run: " + e.getMessage());
            System.err.println(column + " " + workload + ": " + e);
        }
    }

    // ---- JMH: every JVM subject, forked JVMs ----

    void jmh() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (Subject s : Subject.values()) subjects.add(s.name());
        if (opts.containsKey("subjects")) subjects = List.of(opts.get("subjects").split(","));
        List<String> noInterp = new ArrayList<>(subjects);
        noInterp.remove("SANDBOX_INTERPRETER");
        List<String> light = new ArrayList<>(Workloads.EVAL);
        light.removeAll(Workloads.HEAVY);

        run(base().include(CreateBenchmark.class.getName() + ".create")
                .param("subject", subjects.toArray(new String[0])));
        run(base().include(EvalBenchmark.class.getName() + ".eval")
                .param("subject", subjects.toArray(new String[0]))
                .param("workload", light.toArray(new String[0])));
        run(base().include(EvalBenchmark.class.getName() + ".eval")
                .param("subject", noInterp.toArray(new String[0]))
                .param("workload", Workloads.HEAVY.toArray(new String[0])));
        if (subjects.contains("SANDBOX_INTERPRETER")) {
            if (full) {
                // seconds to minutes per operation: one measured operation per iteration is plenty
                run(base().include(EvalBenchmark.class.getName() + ".eval")
                        .param("subject", "SANDBOX_INTERPRETER")
                        .param("workload", Workloads.HEAVY.toArray(new String[0]))
                        .warmupIterations(0).measurementIterations(1));
            }
        }
    }

    private ChainedOptionsBuilder base() {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .forks(1)
                .shouldFailOnError(false)
                .jvmArgs("-Xms1g", "-Xmx2g", "-Djava.awt.headless=true");
        if (full) {
            b.warmupIterations(3).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(2));
        } else {
            b.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(1).measurementTime(TimeValue.seconds(1));
        }
        return b;
    }

    private void run(ChainedOptionsBuilder options) throws Exception {
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult r : results) {
            String subject = r.getParams().getParam("subject");
            String workload = r.getParams().getParam("workload");
            if (workload == null) workload = Workloads.CREATE;
            double score = r.getPrimaryResult().getScore();
            String unit = r.getPrimaryResult().getScoreUnit();
            double us = unit.startsWith("us") ? score : unit.startsWith("ms") ? score * 1000
                    : unit.startsWith("ns") ? score / 1000 : unit.startsWith("s") ? score * 1e6 : Double.NaN;
            micros.get(workload).put(subject, us);
        }
        // a benchmark that threw (e.g. a wrong answer in setup) has no result: say so in the table
    }

    String missingReason(String workload, String column) {
        String why = missing.get(workload).get(column);
        if (why == null && workload.equals(Workloads.CREATE) && column.equals(NATIVE)) {
            why = "mqjs-native has no create-only mode";
        }
        if (why == null && !full && column.equals("SANDBOX_INTERPRETER") && Workloads.HEAVY.contains(workload)) {
            why = "full mode only (seconds to minutes per operation)";
        }
        return why != null ? why : "no result (failed, see the run log)";
    }

    /** Reads a CSV written by {@link #writeCsv}; returns the run's minutes. */
    double readCsv(Path csv) throws IOException {
        double minutes = 0;
        // older CSVs lack these: the docs must not claim today's date or this machine for them
        date = "date not recorded";
        machine = "machine not recorded";
        for (String line : Files.readAllLines(csv)) {
            if (line.startsWith("# library=")) continue;
            if (line.startsWith("# machine=")) {
                machine = line.substring("# machine=".length());
                continue;
            }
            if (line.startsWith("# ")) {
                for (String kv : line.substring(2).split(" ")) {
                    String[] p = kv.split("=", 2);
                    if (p[0].equals("minutes")) minutes = Double.parseDouble(p[1]);
                    if (p[0].equals("mode")) full = p[1].equals("full");
                    if (p[0].equals("date")) date = p[1];
                }
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < 3 || f[0].equals("workload") || !micros.containsKey(f[0])) continue;
            if (f[2].isEmpty()) {
                if (f.length > 3 && !f[3].isEmpty()) missing.get(f[0]).put(f[1], f[3]);
            } else {
                micros.get(f[0]).put(f[1], Double.parseDouble(f[2]));
            }
        }
        return minutes;
    }

    void writeCsv(Path csv, double minutes) throws IOException {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "# mode=%s minutes=%.2f date=%s%n",
                full ? "full" : "short", minutes, date));
        sb.append("# machine=").append(machine).append('\n');
        if (opts.containsKey("library")) sb.append("# library=").append(opts.get("library")).append('\n');
        sb.append("workload,subject,microseconds,missing\n");
        for (String w : Workloads.ALL) {
            for (String c : COLUMNS) {
                Double v = micros.get(w).get(c);
                sb.append(w).append(',').append(c).append(',')
                        .append(v == null ? "" : String.format(Locale.ROOT, "%.3f", v)).append(',')
                        .append(v == null ? missingReason(w, c).replace(',', ';').replace('\n', ' ') : "")
                        .append('\n');
            }
        }
        if (csv.getParent() != null) Files.createDirectories(csv.getParent());
        Files.writeString(csv, sb.toString());
    }
}
