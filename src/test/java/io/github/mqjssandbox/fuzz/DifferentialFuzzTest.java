package io.github.mqjssandbox.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.mqjssandbox.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The bounded differential fuzz of the default suite: generated ES5 programs
 * ({@link JsGenerator}) and almost valid ones ({@link Mutator}) give the same value, display,
 * output, error name, message and stack in the sandbox as in the native reference, and the
 * sandbox never answers {@code internal}. Mostly on the AOT engine, a few tries on the
 * others and on the fuel-metered module. jqwik shrinks a failing program by dropping its
 * parts and mutations and making them smaller. The long run is {@code fuzz/run.sh}.
 */
class DifferentialFuzzTest {
    /** The heap of both sides; programs near it are told apart by {@link DifferentialRun}. */
    private static final int MEMORY_LIMIT = 1 << 20;
    private static Path nativeBinary;

    @BeforeContainer
    static void findNativeReference() {
        nativeBinary = NativeReference.defaultBinary();
        assertTrue(Files.isExecutable(nativeBinary),
                "the native reference is missing: run make -C wasm native (" + nativeBinary + ")");
    }

    private static DifferentialRun differential(Engine engine, boolean metered, String name, Duration timeout) {
        return new DifferentialRun(new SandboxRunner(engine, metered, MEMORY_LIMIT, timeout, 1 << 20),
                new NativeReference(nativeBinary, Path.of("target/fuzz-work", name), MEMORY_LIMIT, Duration.ofSeconds(30)));
    }

    @Provide
    Arbitrary<FuzzProgram> programs() {
        Arbitrary<FuzzProgram.Part> part = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 4))
                .as(FuzzProgram.Part::new);
        return Combinators.combine(part.list().ofMaxSize(12), part)
                .as((parts, last) -> new FuzzProgram(parts, last, List.of()));
    }

    @Provide
    Arbitrary<FuzzProgram> mutatedPrograms() {
        Arbitrary<FuzzProgram.Part> part = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 3))
                .as(FuzzProgram.Part::new);
        return Combinators.combine(part.list().ofMaxSize(8), part, Arbitraries.longs().list().ofMinSize(1).ofMaxSize(4))
                .as(FuzzProgram::new);
    }

    private static Verdict check(DifferentialRun run, FuzzProgram program) {
        String source = program.source();
        Verdict v = run.run(source);
        Statistics.label("verdict").collect(v.type());
        Statistics.label("outcome").collect(v.sandbox().kind());
        if (v.isFinding()) {
            fail(run.sandbox().name() + ": " + v.describe() + "\nnative:\n" + v.reference() + "\nsandbox:\n" + v.sandbox()
                    + "\nprogram " + program + ":\n" + source);
        }
        return v;
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void generatedProgramsMatchNativeOnAot(@ForAll("programs") FuzzProgram program) {
        check(Runs.AOT, program);
        Statistics.label("verdict").coverage(c -> c.check(Verdict.Type.MATCH).percentage(p -> p >= 90));
        Statistics.label("outcome").coverage(c -> c.check(Outcome.Kind.OK).percentage(p -> p >= 40));
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void mutatedProgramsMatchNativeOnAot(@ForAll("mutatedPrograms") FuzzProgram program) {
        check(Runs.AOT, program);
        Statistics.label("outcome").coverage(c -> c.check(Outcome.Kind.SYNTAX).percentage(p -> p >= 40));
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
    void programsMatchNativeOnTheMeteredModule(@ForAll("programs") FuzzProgram program) {
        check(Runs.AOT_FUEL, program);
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
    void programsMatchNativeOnCompiler(@ForAll("programs") FuzzProgram program) {
        check(Runs.COMPILER, program);
    }

    @Property(tries = 25, edgeCases = EdgeCasesMode.NONE)
    void programsMatchNativeOnInterpreter(@ForAll("programs") FuzzProgram program) {
        check(Runs.INTERPRETER, program);
    }

    /** Made when first used, after the native reference has been found. */
    private static final class Runs {
        static final DifferentialRun AOT = differential(Engine.AOT, false, "aot", Duration.ofSeconds(2));
        static final DifferentialRun AOT_FUEL = differential(Engine.AOT, true, "aot-fuel", Duration.ofSeconds(2));
        static final DifferentialRun COMPILER = differential(Engine.COMPILER, false, "compiler", Duration.ofSeconds(4));
        static final DifferentialRun INTERPRETER = differential(Engine.INTERPRETER, false, "interpreter", Duration.ofSeconds(10));
    }
}
