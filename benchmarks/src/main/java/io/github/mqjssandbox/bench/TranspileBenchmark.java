package io.github.mqjssandbox.bench;

import io.github.mqjssandbox.transpile.TranspileOptions;
import io.github.mqjssandbox.transpile.Transpiler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Transpile mode's cost per script in a warm JVM (the cold first transpile is measured by the
 * transpile project's TranspileCost): a compile with the cache off, and a cache hit, for modern
 * snippets of the corpus's kind.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TranspileBenchmark {
    /** A snippet in the style of transpile/src/test/resources/corpus. */
    public enum Snippet {
        CLASS("class Rectangle { constructor(w, h) { this.w = w; this.h = h; } area() { return this.w * this.h; } }\n"
                + "const r = new Rectangle(3, 4);\nr.area();"),
        ARROWS_AND_TEMPLATES("const items = [{n: 'a', p: 2}, {n: 'b', p: 3}];\n"
                + "const total = items.map(({p}) => p * 2).reduce((a, b) => a + b, 0);\n`total: ${total}`;"),
        MAP_WITH_POLYFILL("const ages = new Map();\nages.set('alice', 31);\nages.set('bob', 27);\n"
                + "[ages.get('alice'), ages.has('carol'), ages.size];");

        final String source;

        Snippet(String source) {
            this.source = source;
        }
    }

    @Param({"CLASS", "ARROWS_AND_TEMPLATES", "MAP_WITH_POLYFILL"})
    public Snippet snippet;

    private Transpiler uncached;
    private Transpiler cached;

    @Setup(Level.Trial)
    public void setUp() {
        uncached = Transpiler.create(TranspileOptions.builder().cacheEntries(0).build());
        cached = Transpiler.create();
        cached.transpile(snippet.source);
    }

    @Benchmark
    public Object compile() {
        return uncached.transpile(snippet.source).code();
    }

    @Benchmark
    public Object cacheHit() {
        return cached.transpile(snippet.source).code();
    }
}
