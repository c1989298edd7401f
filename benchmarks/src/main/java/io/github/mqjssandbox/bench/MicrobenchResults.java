package io.github.mqjssandbox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The per-test numbers of one microbench.js run for each subject, and their CSV
 * (benchmarks/results/microbench.csv), so that the report can be rewritten without running again.
 */
final class MicrobenchResults {
    static final String SANDBOX = "SANDBOX_AOT";
    /** Subjects in column order. */
    static final List<String> SUBJECTS = List.of(RunAll.NATIVE, RunAll.NATIVE_OS, SANDBOX, RunAll.NODE);

    /** Run facts written as "# key=value" lines: quick, date, minutes, library, jvm, node, script, sha256. */
    final Map<String, String> meta = new LinkedHashMap<>();
    /** subject -> test -> row, in printed order (total last). */
    final Map<String, Map<String, MicrobenchTable.Row>> rows = new LinkedHashMap<>();
    /** subject -> why it has no numbers. */
    final Map<String, String> missing = new LinkedHashMap<>();

    void put(String subject, List<MicrobenchTable.Row> table) {
        Map<String, MicrobenchTable.Row> byTest = new LinkedHashMap<>();
        for (MicrobenchTable.Row r : table) byTest.put(r.test(), r);
        rows.put(subject, byTest);
    }

    Double nanos(String subject, String test) {
        MicrobenchTable.Row r = rows.getOrDefault(subject, Map.of()).get(test);
        return r == null ? null : r.nanos();
    }

    boolean quick() {
        return Boolean.parseBoolean(meta.get("quick"));
    }

    /** Every test any subject printed, in printed order, total last. */
    List<String> tests() {
        Set<String> tests = new LinkedHashSet<>();
        for (Map<String, MicrobenchTable.Row> byTest : rows.values()) tests.addAll(byTest.keySet());
        tests.remove(MicrobenchTable.TOTAL);
        List<String> list = new ArrayList<>(tests);
        list.add(MicrobenchTable.TOTAL);
        return list;
    }

    void write(Path csv) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : meta.entrySet()) {
            sb.append("# ").append(e.getKey()).append('=').append(e.getValue().replace('\n', ' ')).append('\n');
        }
        sb.append("test,subject,iterations,nanoseconds,missing\n");
        for (String subject : SUBJECTS) {
            String why = missing.get(subject);
            if (why != null) {
                sb.append(MicrobenchTable.TOTAL).append(',').append(subject).append(",,,")
                  .append(why.replace(',', ';').replace('\n', ' ')).append('\n');
                continue;
            }
            for (MicrobenchTable.Row r : rows.getOrDefault(subject, Map.of()).values()) {
                sb.append(r.test()).append(',').append(subject).append(',').append(r.iterations()).append(',')
                  .append(String.format(Locale.ROOT, "%.2f", r.nanos())).append(",\n");
            }
        }
        if (csv.getParent() != null) Files.createDirectories(csv.getParent());
        Files.writeString(csv, sb.toString());
    }

    static MicrobenchResults read(Path csv) throws IOException {
        MicrobenchResults results = new MicrobenchResults();
        Map<String, List<MicrobenchTable.Row>> tables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.startsWith("# ")) {
                String[] kv = line.substring(2).split("=", 2);
                results.meta.put(kv[0], kv.length > 1 ? kv[1] : "");
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < 5 || f[0].equals("test")) continue;
            if (f[3].isEmpty()) {
                results.missing.put(f[1], f[4]);
            } else {
                tables.computeIfAbsent(f[1], k -> new ArrayList<>())
                      .add(new MicrobenchTable.Row(f[0], Long.parseLong(f[2]), Double.parseDouble(f[3])));
            }
        }
        tables.forEach(results::put);
        return results;
    }
}
