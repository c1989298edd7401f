package io.github.mqjssandbox.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The compatibility prelude's builtins against Node, the oracle: every call of src/test/compat/*.js
 * in the AOT engine, and those marked "every engine" in the compiler and interpreter engines too.
 * The files generate their inputs (thousands of strings, time values, fields, patterns) with a
 * seeded generator, so both sides see the same ones.
 */
class CompatPreludeTest {
    private static final Path CASES = Path.of("src/test/compat");

    private static List<CallsFile> files;
    private static Map<String, JobResult> node;

    @BeforeAll
    static void askNode() {
        assumeTrue(NodeOracle.available(), "node is not installed: the prelude's builtins are compared with Node, skipped");
        files = CallsFile.readAll(CASES);
        node = NodeOracle.run(files.stream().map(f -> f.job(null)).toList()).stream()
                .collect(Collectors.toMap(JobResult::name, Function.identity()));
    }

    @TestFactory
    Stream<DynamicContainer> aot() {
        return files.stream().map(f -> calls(Engine.AOT, f, c -> true));
    }

    @TestFactory
    Stream<DynamicContainer> compilerAndInterpreter() {
        return Stream.of(Engine.COMPILER, Engine.INTERPRETER)
                .flatMap(engine -> files.stream().map(f -> calls(engine, f, CallsFile.Call::everyEngine)));
    }

    /** Runs the selected calls of a file in one sandbox now; a test per call compares its result. */
    private static DynamicContainer calls(Engine engine, CallsFile file, Predicate<CallsFile.Call> selected) {
        JobResult expected = node.get(file.name());
        List<DynamicTest> tests = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.create(CompatSandboxes.config(engine).build())) {
            SandboxJobRunner runner = new SandboxJobRunner(sandbox);
            String setupError = runner.load(file.job(null));
            tests.add(DynamicTest.dynamicTest("setup", () -> {
                assertNull(expected.loadError(), "the setup fails in Node");
                assertEquals(null, setupError, "the setup fails in the sandbox");
            }));
            for (int i = 0; i < file.calls().size(); i++) {
                CallsFile.Call call = file.calls().get(i);
                if (!selected.test(call)) {
                    continue;
                }
                JobResult.CallResult want = expected.results().get(i);
                JobResult.CallResult got = runner.call(call.source());
                tests.add(DynamicTest.dynamicTest(shortName(call.source()), () -> Expectations.check(call, want, got)));
            }
        }
        return DynamicContainer.dynamicContainer(file.name() + " [" + engine.name().toLowerCase() + "]", tests);
    }

    private static String shortName(String source) {
        return source.length() <= 90 ? source : source.substring(0, 87) + "...";
    }
}
