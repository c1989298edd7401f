package io.github.mqjssandbox.transpile;

import io.github.mqjssandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What transpiling costs, measured without JMH, with polyfills on (the default) and off: the
 * first transpile in this JVM (cold: it loads the compiler), then every corpus snippet compiled
 * again and again (warm, the cache off, the two modes taking turns), then cache hits, and the ES5
 * code's size and evaluation time, overall and for a few snippets. Run by
 * {@code transpile/measure.sh}, which starts fresh JVMs for the cold numbers.
 *
 * <p>Arguments: {@code --cold-only} stops after the first transpile; {@code --no-polyfills}
 * makes that one without polyfills.
 */
public final class TranspileCost {
    private static final int WARM_ROUNDS = 5;
    /** Snippets shown one by one: no polyfill, a method, Map, async, a generator. */
    private static final List<String> SHOWN = List.of("020-class-inheritance-chain.js", "064-array-includes.js",
            "056-map-basic.js", "112-object-entries-query-string.js", "117-async-function.js", "099-generator-fibonacci.js");

    private TranspileCost() {}

    public static void main(String[] args) throws Exception {
        boolean polyfills = !Arrays.asList(args).contains("--no-polyfills");
        String first = Files.readString(CorpusTest.CORPUS.resolve("056-map-basic.js"));
        long coldStart = System.nanoTime();
        uncached(polyfills).transpile(first);
        System.out.printf("cold: first transpile in this JVM (polyfills %s) %.0f ms%n", polyfills ? "on" : "off",
                (System.nanoTime() - coldStart) / 1e6);
        if (Arrays.asList(args).contains("--cold-only")) {
            return;
        }

        List<String> names = new ArrayList<>();
        List<String> sources = transpilableSnippets(names);
        Transpiler on = uncached(true);
        Transpiler off = uncached(false);
        long[] warmOn = timeEach(on, sources); // a round for the JIT
        long[] warmOff = timeEach(off, sources);
        for (int round = 1; round < WARM_ROUNDS; round++) { // then each snippet's fastest: the machine is shared
            warmOn = fastest(warmOn, timeEach(on, sources), round == 1);
            warmOff = fastest(warmOff, timeEach(off, sources), round == 1);
        }
        System.out.println("warm: per snippet, its fastest of " + (WARM_ROUNDS - 1) + " rounds after one, over "
                + sources.size() + " snippets:");
        System.out.println("  polyfills on:  " + describe(warmOn));
        System.out.println("  polyfills off: " + describe(warmOff));

        Transpiler cached = Transpiler.create();
        timeEach(cached, sources);
        System.out.println("cache hit (SHA-256 and lookup): " + describe(timeEach(cached, sources)));

        Measured[] measured = measure(List.of(on, off), sources);
        Measured withPolyfills = measured[0];
        Measured without = measured[1];
        System.out.printf("size: source median %d chars; ES5 median %d chars with polyfills (largest %d), %d without (largest %d)%n",
                median(withPolyfills.sourceChars), median(withPolyfills.es5Chars), max(withPolyfills.es5Chars),
                median(without.es5Chars), max(without.es5Chars));
        System.out.println("sandbox eval of the ES5 code (fresh context each, the fastest of five rounds after one):");
        System.out.println("  polyfills on:  " + describe(withPolyfills.evalNanos));
        System.out.println("  polyfills off: " + describe(without.evalNanos));

        System.out.println("snippet | source | ES5 off | ES5 on | warm off | warm on | eval off | eval on");
        for (String name : SHOWN) {
            int i = names.indexOf(name);
            System.out.printf("%s | %d | %d | %d | %s | %s | %s | %s%n", name, withPolyfills.sourceChars[i],
                    without.es5Chars[i], withPolyfills.es5Chars[i], ms(warmOff[i]), ms(warmOn[i]),
                    ms(without.evalNanos[i]), ms(withPolyfills.evalNanos[i]));
        }
    }

    private static Transpiler uncached(boolean polyfills) {
        return Transpiler.create(TranspileOptions.builder().cacheEntries(0).polyfills(polyfills).build());
    }

    /** Per snippet, in corpus order: source and ES5 sizes, and the time the sandbox takes to evaluate the ES5. */
    private record Measured(long[] sourceChars, long[] es5Chars, long[] evalNanos) {}

    /** Each transpiler's code of each snippet, evaluated in turns so that both see the engine equally warm. */
    private static Measured[] measure(List<Transpiler> transpilers, List<String> sources) {
        Measured[] measured = new Measured[transpilers.size()];
        List<List<String>> codes = new ArrayList<>();
        for (int t = 0; t < transpilers.size(); t++) {
            measured[t] = new Measured(new long[sources.size()], new long[sources.size()], new long[sources.size()]);
            Arrays.fill(measured[t].evalNanos, Long.MAX_VALUE);
            List<String> code = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                code.add(transpilers.get(t).transpile(sources.get(i)).code());
                measured[t].sourceChars[i] = sources.get(i).length();
                measured[t].es5Chars[i] = code.get(i).length();
            }
            codes.add(code);
        }
        try (Sandbox sandbox = Sandbox.create()) {
            for (int round = 0; round < 6; round++) { // the first warms the engine up; then the fastest counts
                for (int i = 0; i < sources.size(); i++) {
                    for (int t = 0; t < transpilers.size(); t++) {
                        long nanos = evalNanos(sandbox, codes.get(t).get(i));
                        if (round > 0) {
                            measured[t].evalNanos[i] = Math.min(measured[t].evalNanos[i], nanos);
                        }
                    }
                }
            }
        }
        return measured;
    }

    /** The corpus less the snippets with a feature that has no ES5 form (they are never cached). */
    private static List<String> transpilableSnippets(List<String> names) throws java.io.IOException {
        Transpiler probe = Transpiler.create();
        List<String> sources = new ArrayList<>();
        for (Path snippet : CorpusTest.snippets()) {
            String source = Files.readString(snippet);
            try {
                probe.transpile(source);
                sources.add(source);
                names.add(snippet.getFileName().toString());
            } catch (TranspileException noEs5Form) {
                System.out.println("left out: " + snippet.getFileName() + " (" + noEs5Form.problem() + ")");
            }
        }
        return sources;
    }

    /** Each snippet's faster time of the two; {@code first} drops the warm-up round's. */
    private static long[] fastest(long[] so, long[] now, boolean first) {
        long[] out = new long[now.length];
        for (int i = 0; i < now.length; i++) {
            out[i] = first ? now[i] : Math.min(so[i], now[i]);
        }
        return out;
    }

    private static long[] timeEach(Transpiler transpiler, List<String> sources) {
        long[] nanos = new long[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            long start = System.nanoTime();
            transpiler.transpile(sources.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /** Runs in a fresh context; a snippet's own error still took the time. */
    private static long evalNanos(Sandbox sandbox, String code) {
        sandbox.reset();
        long start = System.nanoTime();
        try {
            sandbox.eval(code);
        } catch (RuntimeException scriptFailed) {
            // counted as well
        }
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static String describe(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("median %s, p90 %s, max %s", ms(sorted[sorted.length / 2]),
                ms(sorted[(int) (sorted.length * 0.9)]), ms(sorted[sorted.length - 1]));
    }

    private static String ms(long nanos) {
        return nanos >= 1_000_000 ? String.format("%.1f ms", nanos / 1e6) : String.format("%.0f µs", nanos / 1e3);
    }
}
