package io.github.mqjssandbox.compat;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The real-world suite (docs/compatibility.md): popular npm packages at pinned versions, each
 * loaded unmodified into a sandbox and called as in Node; every call must give Node's result,
 * or the deviation its calls file documents. The AOT and compiler engines run every package;
 * the interpreter, which parses large files slowly, those up to {@link #INTERPRETER_MAX_FILE_BYTES}
 * unless {@code -Drealworld.interpreter=all}.
 */
class RealWorldPackagesTest {
    private static final Path CALLS = Path.of("src/test/realworld/calls");
    static final long INTERPRETER_MAX_FILE_BYTES = 70_000;

    private static Path nodeModules;
    private static List<CallsFile> packages;
    private static Map<String, JobResult> node;
    /** "package [engine]" to "matched/calls", printed at the end for the document's table. */
    private static final Map<String, String> SUMMARY = new TreeMap<>();

    @BeforeAll
    static void installPackagesAndAskNode() {
        assumeTrue(NodeOracle.available(), "node is not installed: the real-world suite compares with Node and is skipped");
        nodeModules = NpmPackages.nodeModules();
        packages = CallsFile.readAll(CALLS);
        node = NodeOracle.run(packages.stream().map(p -> p.job(nodeModules)).toList()).stream()
                .collect(Collectors.toMap(JobResult::name, Function.identity()));
    }

    @AfterAll
    static void printSummary() {
        SUMMARY.forEach((name, counts) -> System.out.println("real-world " + name + ": " + counts));
    }

    @TestFactory
    Stream<DynamicTest> aot() {
        return tests(Engine.AOT, p -> true);
    }

    @TestFactory
    Stream<DynamicTest> compiler() {
        return tests(Engine.COMPILER, p -> true);
    }

    @TestFactory
    Stream<DynamicTest> interpreter() {
        boolean all = "all".equals(System.getProperty("realworld.interpreter"));
        return tests(Engine.INTERPRETER, p -> all || fileBytes(p) <= INTERPRETER_MAX_FILE_BYTES);
    }

    private static Stream<DynamicTest> tests(Engine engine, Predicate<CallsFile> selected) {
        return packages.stream().filter(selected)
                .map(p -> DynamicTest.dynamicTest(p.name() + " [" + engine.name().toLowerCase() + "]", () -> check(engine, p)));
    }

    private static long fileBytes(CallsFile p) {
        try {
            return Files.size(nodeModules.resolve(p.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Engine engine, CallsFile p) {
        JobResult expected = node.get(p.name());
        assertNull(expected.loadError(), "Node itself cannot load " + p.file());
        try (Sandbox sandbox = Sandbox.create(CompatSandboxes.config(engine).build())) {
            SandboxJobRunner runner = new SandboxJobRunner(sandbox);
            String loadError = runner.load(p.job(nodeModules));
            assertEquals(p.loadError(), loadError, p.file() + " loads as documented");
            if (loadError != null) {
                SUMMARY.put(p.name() + " [" + engine + "]", "does not load: " + loadError);
                return;
            }
            List<Executable> checks = new ArrayList<>();
            int matched = 0;
            for (int i = 0; i < p.calls().size(); i++) {
                CallsFile.Call call = p.calls().get(i);
                JobResult.CallResult want = expected.results().get(i);
                JobResult.CallResult got = runner.call(call.source());
                if (got.sameAs(want)) {
                    matched++;
                }
                checks.add(() -> Expectations.check(call, want, got));
            }
            SUMMARY.put(p.name() + " [" + engine + "]", matched + "/" + p.calls().size() + " calls match Node");
            assertAll(p.name(), checks);
        }
    }
}
