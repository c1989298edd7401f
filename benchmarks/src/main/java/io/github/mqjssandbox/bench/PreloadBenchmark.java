package io.github.mqjssandbox.bench;

import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A new sandbox that needs a library, then one typical call of it, then close: with the library
 * preloaded into the template ({@code SandboxConfig.preload}), or evaluated in each sandbox.
 * The libraries are the real-world suite's (src/test/realworld), installed by
 * {@code benchmarks/run.sh preload} into target/realworld; {@code -Dbench.nodeModules} points
 * elsewhere.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PreloadBenchmark {
    /** npm package: its file, and a typical call. */
    public enum Library {
        MUSTACHE("mustache/mustache.js", "Mustache.render('Hello {{name}}!', {name: 'World'})"),
        JS_YAML("js-yaml/dist/js-yaml.js", "jsyaml.load('a: 1\\nb: [x, y]').b.length");

        final String file;
        final String call;

        Library(String file, String call) {
            this.file = file;
            this.call = call;
        }
    }

    @Param({"MUSTACHE", "JS_YAML"})
    public Library library;

    private SandboxConfig preloaded;
    private SandboxConfig plain;
    private String source;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path modules = Path.of(System.getProperty("bench.nodeModules", "target/realworld/node_modules"));
        source = Files.readString(modules.resolve(library.file));
        plain = SandboxConfig.builder().engine(Engine.AOT).timeout(Duration.ofSeconds(10)).build();
        preloaded = plain.newBuilder().preload(library.file, source).build();
        Sandbox.prepare(preloaded);
    }

    @Benchmark
    public Object preloadedThenCall() {
        try (Sandbox sandbox = Sandbox.create(preloaded)) {
            return sandbox.eval(library.call).value();
        }
    }

    @Benchmark
    public Object evaluatedInEachSandboxThenCall() {
        try (Sandbox sandbox = Sandbox.create(plain)) {
            sandbox.eval(source, library.file);
            return sandbox.eval(library.call).value();
        }
    }
}
