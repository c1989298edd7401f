package io.github.mqjssandbox.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The docs/benchmarks.md section of upstream's microbench.js, from {@link MicrobenchResults}. */
final class MicrobenchReport {
    private static final String SANDBOX = MicrobenchResults.SANDBOX;

    private MicrobenchReport() {}

    static void append(StringBuilder md, MicrobenchResults r, String csv) {
        md.append("## Upstream's microbench.js\n\n");
        if (r.quick()) {
            md.append("**Quick mode** (`benchmarks/run.sh microbench-quick`, a few tests with a small sort): these numbers\n")
              .append("only test the tooling; `benchmarks/run.sh microbench` runs every test.\n\n");
        }
        md.append("`tests/microbench.js` is upstream mquickjs's own micro-benchmark. It is not stored in this repository:\n")
          .append("the build takes it from the verified rmquickjs-sys crate (`").append(r.meta.getOrDefault("script", "?"))
          .append("`,\nsha256 `").append(r.meta.getOrDefault("sha256", "?")).append("`). `benchmarks/run.sh microbench` runs it once per subject,\n")
          .append("after our one-line prelude (upstream's mqjs defines `scriptArgs`, the sandbox's globals do not)\n\n")
          .append("```js\n").append(r.meta.getOrDefault("prelude", "?")).append("\n```\n\n")
          .append("parses the table it prints and keeps the numbers in `").append(csv).append("`;\n")
          .append("`benchmarks/run.sh report` (and the short and full runs) put this section back from that file.\n\n");
        md.append(String.format(Locale.ROOT, "- run: %s, %s minutes for all subjects, on %s; library: %s\n",
                r.meta.getOrDefault("date", "?"), r.meta.getOrDefault("minutes", "?"),
                r.meta.getOrDefault("machine", "?"), r.meta.getOrDefault("library", "?")));
        md.append("- sandbox: `Engine.AOT` with `SandboxConfig.flatMemory(true)` through the library API, in the driver's JVM (").append(r.meta.getOrDefault("jvm", "?"))
          .append(", default flags), no timeout; Node: ").append(r.meta.getOrDefault("node", "—")).append("\n")
          .append("- every subject: one fresh context, 64 MiB memory limit, random seed 1\n\n");
        md.append("The script times itself with `Date.now()` (a millisecond clock): for each test it grows the loop\n")
          .append("until one run takes 100 ms and keeps the best of 10 runs, then prints nanoseconds per iteration.\n")
          .append("Lower is better.\n\n");
        md.append(table(r)).append('\n');
        summary(md, r);
        md.append("- `total` is the sum of each column, as upstream prints it, so the slowest tests weigh most.\n")
          .append("- `sort_bench` is in upstream's own unit, not ns per iteration: the summed best times of sorting\n")
          .append("  14 differently ordered arrays of 10000 strings, each in whole milliseconds, scaled: coarse, but\n")
          .append("  comparable across subjects.\n")
          .append("- `date_now` times the host clock: `gettimeofday` natively, a Chicory host function calling\n")
          .append("  `System.currentTimeMillis` in the sandbox, JavaScript's `Date.now` in Node; it measures the\n")
          .append("  crossing out of wasm more than the engine.\n")
          .append("- The sandbox's JIT warms up during the first tests (the best-of-10 timing absorbs part of it).\n");
        for (String s : MicrobenchResults.SUBJECTS) {
            String why = r.missing.get(s);
            if (why != null) md.append("- no ").append(RunAll.shortLabel(s)).append(" numbers: ").append(why).append('\n');
        }
        md.append('\n');
    }

    /** test | native | sandbox | ratio [| native -Os | ratio] [| Node | ratio], in ns as printed, total row in bold. */
    static String table(MicrobenchResults r) {
        // the subjects compared besides native -O2, each a column pair when it has numbers
        List<String> others = new ArrayList<>();
        StringBuilder md = new StringBuilder("| test | native (ns) | sandbox AOT (ns) | sandbox ÷ native |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|---:|");
        for (String other : List.of(RunAll.NATIVE_OS, RunAll.NODE)) {
            if (r.rows.containsKey(other)) {
                String label = other.equals(RunAll.NODE) ? "Node wasm" : RunAll.shortLabel(other);
                String divisor = other.equals(RunAll.NODE) ? "Node" : label;
                others.add(other);
                md.append(' ').append(label).append(" (ns) | sandbox ÷ ").append(divisor).append(" |");
                rule.append("---:|---:|");
            }
        }
        md.append('\n').append(rule).append('\n');
        for (String test : r.tests()) {
            boolean total = test.equals(MicrobenchTable.TOTAL);
            String b = total ? "**" : "";
            Double sbx = r.nanos(SANDBOX, test);
            md.append("| ").append(b).append(total ? "total" : "`" + test + "`").append(b).append(" |");
            cell(md, b, nanos(r.nanos(RunAll.NATIVE, test)));
            cell(md, b, nanos(sbx));
            cell(md, b, ratio(sbx, r.nanos(RunAll.NATIVE, test)));
            for (String other : others) {
                cell(md, b, nanos(r.nanos(other, test)));
                cell(md, b, ratio(sbx, r.nanos(other, test)));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void cell(StringBuilder md, String bold, String text) {
        md.append(' ').append(bold).append(text).append(bold).append(" |");
    }

    /** The range and geometric mean of the per-test sandbox ÷ native ratios. */
    private static void summary(StringBuilder md, MicrobenchResults r) {
        List<String> tests = new ArrayList<>(r.tests());
        tests.remove(MicrobenchTable.TOTAL);
        String lo = null, hi = null;
        double logSum = 0;
        int count = 0;
        for (String t : tests) {
            Double nat = r.nanos(RunAll.NATIVE, t), sbx = r.nanos(SANDBOX, t);
            if (nat == null || sbx == null || nat <= 0 || sbx <= 0) continue;
            double q = sbx / nat;
            if (lo == null || q < r.nanos(SANDBOX, lo) / r.nanos(RunAll.NATIVE, lo)) lo = t;
            if (hi == null || q > r.nanos(SANDBOX, hi) / r.nanos(RunAll.NATIVE, hi)) hi = t;
            logSum += Math.log(q);
            count++;
        }
        if (count == 0) return;
        double mean = Math.exp(logSum / count);
        md.append(String.format(Locale.ROOT,
                "Sandbox ÷ native per test: from %s (`%s`) to %s (`%s`); geometric mean %s over %d tests.\n\n",
                Report.ratio(r.nanos(SANDBOX, lo) / r.nanos(RunAll.NATIVE, lo)), lo,
                Report.ratio(r.nanos(SANDBOX, hi) / r.nanos(RunAll.NATIVE, hi)), hi,
                Report.ratio(mean), count));
        Double os = r.nanos(RunAll.NATIVE_OS, MicrobenchTable.TOTAL), sbxTotal = r.nanos(SANDBOX, MicrobenchTable.TOTAL);
        if (os != null && sbxTotal != null && os > 0) {
            md.append(String.format(Locale.ROOT,
                    "Total against upstream's default -Os build: %s× (the throughput goal is 3.5×).\n\n",
                    Report.ratio(sbxTotal / os)));
        }
        outliers(md, r, tests, mean);
    }

    /**
     * Tests far above the others: every test runs in one JVM after the previous ones, so one can
     * inherit a bad JIT state (a large wasm function deoptimized back to HotSpot's interpreter).
     */
    private static void outliers(StringBuilder md, MicrobenchResults r, List<String> tests, double mean) {
        Double total = r.nanos(SANDBOX, MicrobenchTable.TOTAL);
        StringBuilder list = new StringBuilder();
        for (String t : tests) {
            if (t.equals("date_now")) continue; // the host clock call, explained below
            Double nat = r.nanos(RunAll.NATIVE, t), sbx = r.nanos(SANDBOX, t);
            if (nat == null || sbx == null || nat <= 0 || sbx / nat <= 3 * mean) continue;
            list.append(list.length() == 0 ? "" : ", ").append('`').append(t).append("` (")
                .append(Report.ratio(sbx / nat)).append('×');
            if (total != null && total > 0) {
                list.append(String.format(Locale.ROOT, ", %.0f %% of the sandbox's total", 100 * sbx / total));
            }
            list.append(')');
        }
        if (list.length() == 0) return;
        md.append("Far above the rest (over 3× the geometric mean): ").append(list).append(".\n")
          .append("The sandbox runs every test in one JVM, one after another, so a test can inherit the JIT state the\n")
          .append("earlier ones left: a large wasm function (the regex engine is one) compiled for one path is\n")
          .append("deoptimized when a test takes another and runs in HotSpot's interpreter until C2 compiles it again,\n")
          .append("and C1 fails on some of these functions (docs/performance.md, \"A C1 trap behind the fork-to-fork\n")
          .append("variance\"). Run such a test alone (benchmarks/README.md) before reading it as the engine's cost.\n\n");
    }

    private static String nanos(Double ns) {
        return ns == null ? "—" : String.format(Locale.ROOT, "%.2f", ns);
    }

    private static String ratio(Double a, Double b) {
        return a == null || b == null || b <= 0 ? "—" : Report.ratio(a / b);
    }
}
