package io.github.mqjssandbox.bench;

import java.util.Locale;
import java.util.Map;

/** The "Life cycle" section of docs/benchmarks.md, from a {@link LifecycleRun} CSV. */
final class LifecycleReport {
    private static final Map<String, String> WHAT = Map.of(
            "reset", "`reset()` alone",
            "createEvalClose", "`Sandbox.create` + first `1+2` + `close`",
            "createEvalCloseOnCaller", "the same with `evaluateOnCallerThread(true)`",
            "resetEval", "`reset()` + the next `1+2`",
            "poolBorrowEvalReturn", "`SandboxPool` borrow + `1+2` + return (reset)",
            "thawEvalHibernate", "a hibernating sandbox: thaw + `count()` + hibernate again",
            "snapshotSmallState", "`snapshot()` of a small state",
            "restoreEvalClose", "`Sandbox.restore` of it + `count()` + `close`");

    private LifecycleReport() {}

    static void append(StringBuilder md, LifecycleRun.Results r, String csv, RunAll run) {
        md.append("## Life cycle\n\n")
          .append("`benchmarks/run.sh lifecycle` (about 8 minutes) runs `LifecycleBenchmark` with JMH in sample-time\n")
          .append("mode (1 fork, 10 × 1 s of warm-up and 5 × 1 s measured per operation and memory limit) on the AOT engine in a warm JVM, into\n`")
          .append(csv).append("`; every rewrite of this page puts this section back from that file.\n\n");
        md.append(String.format(Locale.ROOT, "- run: %s, %s minutes, on %s; %s; library: %s\n\n",
                r.meta().getOrDefault("date", "?"), r.meta().getOrDefault("minutes", "?"),
                r.meta().getOrDefault("machine", "?"), r.meta().getOrDefault("jvm", "?"),
                r.meta().getOrDefault("library", "?")));
        md.append("| operation | memory limit | p50 | p90 | mean |\n|---|---:|---:|---:|---:|\n");
        String idle = null;
        for (Map.Entry<String, double[]> row : r.rows().entrySet()) {
            double[] v = row.getValue();
            String[] nameAndLimit = row.getKey().split("@", 2);
            if (nameAndLimit[0].startsWith("idleFootprint")) {
                idle = String.format(Locale.ROOT, "%.1f KiB", v[0]);
                continue;
            }
            md.append("| ").append(WHAT.getOrDefault(nameAndLimit[0], nameAndLimit[0])).append(" | ")
              .append(nameAndLimit.length > 1 ? nameAndLimit[1].replace("MiB", " MiB") : "16 MiB").append(" | ")
              .append(Report.time(v[0])).append(" | ").append(Report.time(v[1])).append(" | ")
              .append(Report.time(v[2])).append(" |\n");
        }
        if (idle != null) {
            md.append("| JVM heap held by an idle (hibernated) sandbox with a small state, 2,000 kept | 16 MiB | ")
              .append(idle).append(" | | |\n");
        }
        Map<String, Double> create = run.micros.get(Workloads.CREATE);
        md.append("\nAnchors from the table above (create + close, nothing evaluated): Node on the same wasm ")
          .append(cell(create, RunAll.NODE)).append(", Rhino interpreted ").append(cell(create, "RHINO_INTERPRETED"))
          .append(", quickjs4j ").append(cell(create, "QUICKJS4J")).append(". That table comes from its own run (see\n")
          .append("[Machine](#machine)); its sandbox cells for a new sandbox predate this section when that run is older.\n\n")
          .append("Idle footprint is not a time: `IdleFootprintTest` (in the default test suite) makes 10,000 sandboxes\n")
          .append("with a 16 MiB limit and a few globals and closures each in a JVM of `-Xmx2g`, lets them hibernate,\n")
          .append("prints the heap each holds and checks that every one still answers from its own state; run it alone\n")
          .append("with `java -Xmx2g -cp … io.github.mqjssandbox.IdleFootprintDemo 10000` (see docs/embedding.md).\n\n");
    }

    private static String cell(Map<String, Double> row, String column) {
        Double v = row == null ? null : row.get(column);
        return v == null ? "—" : Report.time(v);
    }
}
