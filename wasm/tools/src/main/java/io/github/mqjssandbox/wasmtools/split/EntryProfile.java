package io.github.mqjssandbox.wasmtools.split;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts from a training run of a module instrumented by {@link EntryProfiler}: per function
 * and instruction index (of the module before instrumentation), how often control reached
 * that point. Text form, one point per line: {@code function instruction count}; blank lines
 * and lines starting with {@code #} are ignored.
 */
public final class EntryProfile {
    private final Map<Integer, Map<Integer, Long>> counts;

    private EntryProfile(Map<Integer, Map<Integer, Long>> counts) {
        this.counts = counts;
    }

    public static EntryProfile parse(List<String> lines) {
        Map<Integer, Map<Integer, Long>> counts = new HashMap<>();
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+");
            try {
                if (fields.length != 3) {
                    throw new NumberFormatException("3 fields expected");
                }
                int function = Integer.parseInt(fields[0]);
                int instruction = Integer.parseInt(fields[1]);
                long count = Long.parseLong(fields[2]);
                if (function < 0 || instruction < 0 || count < 0) {
                    throw new NumberFormatException("negative value");
                }
                counts.computeIfAbsent(function, k -> new HashMap<>()).put(instruction, count);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("profile line " + lineNumber
                        + ": expected 'function instruction count', got '" + text + "'");
            }
        }
        return new EntryProfile(counts);
    }

    /** The counts recorded for {@code function}, by instruction index, if it was profiled. */
    Optional<Map<Integer, Long>> function(int function) {
        return Optional.ofNullable(counts.get(function));
    }
}
