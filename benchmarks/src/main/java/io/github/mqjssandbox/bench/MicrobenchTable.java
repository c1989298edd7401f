package io.github.mqjssandbox.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the table microbench.js prints (its log_line): a header "TEST N TIME (ns) ...", one line
 * "name iterations nanoseconds" per test, then "total nanoseconds" (no reference data: mquickjs has
 * no std.open to load microbench.txt, so the REF and SCORE columns stay empty).
 */
final class MicrobenchTable {
    static final String TOTAL = "total";

    /** One printed line; iterations is the loop count of the last timing round (0 for the total). */
    record Row(String test, long iterations, double nanos) {}

    private MicrobenchTable() {}

    /** Strict on purpose: any other line (an error, "out of order" from sort_bench) fails the subject. */
    static List<Row> parse(String output) {
        List<Row> rows = new ArrayList<>();
        boolean header = false;
        for (String line : output.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (!header) {
                if (f[0].equals("TEST")) header = true;
                else if (!line.isBlank()) throw unexpected(line, output);
                continue;
            }
            try {
                if (f[0].equals(TOTAL) && f.length == 2) {
                    rows.add(new Row(TOTAL, 0, Double.parseDouble(f[1])));
                    return rows;
                }
                if (f.length != 3) throw unexpected(line, output);
                rows.add(new Row(f[0], Math.round(Double.parseDouble(f[1])), Double.parseDouble(f[2])));
            } catch (NumberFormatException e) {
                throw unexpected(line, output);
            }
        }
        throw new IllegalArgumentException("microbench.js printed no `total` line:\n" + output);
    }

    private static IllegalArgumentException unexpected(String line, String output) {
        return new IllegalArgumentException("unexpected line in microbench.js output: `" + line + "` in:\n" + output);
    }
}
