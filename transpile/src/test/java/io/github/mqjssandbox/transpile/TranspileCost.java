package io.github.mqjssandbox.transpile;

import io.github.mqjssandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What transpiling costs, measured without JMH: the first transpile in this JVM (cold: it loads
 * the compiler), then every corpus snippet compiled again and again (warm, the cache off), then
 * cache hits, and the ES5 code's size and evaluation time against the source's. Run by
 * {@code transpile/measure.sh}, which starts fresh JVMs for the cold numbers.
 */
public final class TranspileCost {
    private static final int WARM_ROUNDS = 5;

    private TranspileCost() {}

    public static void main(String[] args) throws Exception {
        String first = Files.readString(CorpusTest.CORPUS.resolve("020-class-inheritance-chain.js"));
        long coldStart = System.nanoTime();
        Transpiler.create(TranspileOptions.builder().cacheEntries(0).build()).transpile(first);
        System.out.printf("cold: first transpile in this JVM %.0f ms%n", (System.nanoTime() - coldStart) / 1e6);
        if (args.length > 0 && args[0].equals("--cold-only")) {
            return;
        }

        List<String> sources = transpilableSnippets();

        Transpiler uncached = Transpiler.create(TranspileOptions.builder().cacheEntries(0).build());
        long[] warm = null;
        for (int round = 0; round < WARM_ROUNDS; round++) {
            warm = timeEach(uncached, sources); // the last round counts: the JIT has seen the compiler
        }
        System.out.println("warm: per snippet, after " + (WARM_ROUNDS - 1) + " rounds over " + sources.size()
                + " snippets: " + describe(warm));

        Transpiler cached = Transpiler.create();
        timeEach(cached, sources);
        System.out.println("cache hit (SHA-256 and lookup): " + describe(timeEach(cached, sources)));

        long[] sourceChars = new long[sources.size()];
        long[] es5Chars = new long[sources.size()];
        long[] transpiledEval = new long[sources.size()];
        try (Sandbox sandbox = Sandbox.create()) {
            for (int round = 0; round < 3; round++) { // the last round counts: the engine's code is hot
                for (int i = 0; i < sources.size(); i++) {
                    String es5 = cached.transpile(sources.get(i)).code();
                    sourceChars[i] = sources.get(i).length();
                    es5Chars[i] = es5.length();
                    transpiledEval[i] = evalNanos(sandbox, es5);
                }
            }
        }
        Arrays.sort(sourceChars);
        Arrays.sort(es5Chars);
        System.out.printf("size: source median %d chars, ES5 median %d chars, largest ES5 %d chars%n",
                sourceChars[sourceChars.length / 2], es5Chars[es5Chars.length / 2], es5Chars[es5Chars.length - 1]);
        System.out.println("sandbox eval of the ES5 code (fresh context each): " + describe(transpiledEval));
    }

    /** The corpus less the snippets with a feature that has no ES5 form (they are never cached). */
    private static List<String> transpilableSnippets() throws java.io.IOException {
        Transpiler probe = Transpiler.create();
        List<String> sources = new ArrayList<>();
        for (Path snippet : CorpusTest.snippets()) {
            String source = Files.readString(snippet);
            try {
                probe.transpile(source);
                sources.add(source);
            } catch (TranspileException noEs5Form) {
                System.out.println("left out: " + snippet.getFileName() + " (" + noEs5Form.problem() + ")");
            }
        }
        return sources;
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
