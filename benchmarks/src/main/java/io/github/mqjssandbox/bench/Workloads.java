package io.github.mqjssandbox.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The JS workloads under src/main/resources/workloads/ (ES5, the subset mquickjs runs). */
public final class Workloads {
    /** The pseudo-workload "new sandbox": create a fresh context and close it, nothing evaluated. */
    public static final String CREATE = "new-sandbox";

    /** Workloads evaluated from a file, in table order. */
    public static final List<String> EVAL = List.of(
            "one-plus-two", "loop-1000", "fib-15", "fib-27", "json-100k", "string-build", "regex-scan");

    /** Workloads too slow for the Chicory interpreter outside full mode. */
    public static final List<String> HEAVY = List.of("fib-27", "json-100k", "string-build", "regex-scan");

    /** All rows of the report, in order. */
    public static final List<String> ALL = List.of(
            CREATE, "one-plus-two", "loop-1000", "fib-15", "fib-27", "json-100k", "string-build", "regex-scan");

    private Workloads() {}

    public static String label(String workload) {
        switch (workload) {
            case CREATE: return "new sandbox (create+close)";
            case "one-plus-two": return "`1+2` (live sandbox)";
            case "loop-1000": return "loop of 1000";
            case "fib-15": return "fib(15)";
            case "fib-27": return "fib(27)";
            case "json-100k": return "JSON parse+stringify ~100 KB";
            case "string-build": return "string building";
            case "regex-scan": return "regex scan";
            default: return workload;
        }
    }

    public static String resource(String workload) {
        return "workloads/" + workload + ".js";
    }

    public static String source(String workload) {
        try (InputStream in = Workloads.class.getClassLoader().getResourceAsStream(resource(workload))) {
            if (in == null) throw new IllegalArgumentException("no workload " + workload);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value the workload must produce, from its first line "// expect: VALUE". */
    public static String expected(String source) {
        String first = source.lines().findFirst().orElse("");
        String prefix = "// expect: ";
        if (!first.startsWith(prefix)) throw new IllegalArgumentException("workload lacks '// expect:' line");
        return first.substring(prefix.length()).trim();
    }

    /** Numbers as the JS engines print them: integral values without ".0". */
    public static String normalize(Object value) {
        if (value instanceof Number) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d)) return Long.toString((long) d);
            return Double.toString(d);
        }
        return String.valueOf(value);
    }
}
