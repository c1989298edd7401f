package io.github.mqjssandbox.transpile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.SandboxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpus of modern snippets, transpiled and run in the sandbox (AOT engine), against what
 * Node 20 gives for the untranspiled source: the value of each snippet's last expression, as
 * JSON. The mismatches are printed with their reasons.
 *
 * <p>A snippet whose first line is {@code // needs: Map, Array.prototype.includes} calls
 * builtins the engine itself lacks, which transpile mode supplies with polyfills unless it leaves
 * them out, or the library's compatibility prelude supplies. The tags are checked: each named
 * builtin is absent from the engine without the prelude, and each that Closure has a polyfill for,
 * not left out, is there when a script uses it. At least 90 % of the corpus must match, and of the
 * untagged snippets too.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final double REQUIRED_SHARE = 0.90;
    /** Closure's table of polyfills: one a line, the builtin's name first. */
    private static final String CLOSURE_POLYFILLS = "com/google/javascript/jscomp/js/polyfills.txt";
    private static final String NEEDS = "// needs: ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** In a default sandbox, with the library's compatibility prelude, and without it: 90 % either way. */
    @ParameterizedTest(name = "compatPrelude {0}")
    @ValueSource(booleans = {true, false})
    void theCorpusGivesWhatNodeGives(boolean prelude) throws Exception {
        NodeOracle.Answers node = NodeOracle.answers(CORPUS);
        List<Path> snippets = snippets();
        assertEquals(snippets.size(), node.byFile().size(), "one answer per snippet");
        assertTrue(snippets.size() >= 100, "the corpus has " + snippets.size() + " snippets");

        List<String> mismatches = new ArrayList<>();
        int untagged = 0;
        int untaggedMatched = 0;
        SandboxConfig config = SandboxConfig.builder().timeout(Duration.ofSeconds(10)).compatPrelude(prelude).build();
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(config)) {
            for (Path snippet : snippets) {
                String file = snippet.getFileName().toString();
                String code = Files.readString(snippet);
                boolean needsAbsentBuiltin = !needs(code).isEmpty();
                sandbox.sandbox().reset();
                String reason = mismatch(node.byFile().get(file), sandbox, code, file);
                if (reason != null) {
                    mismatches.add(file + (needsAbsentBuiltin ? " [needs " + String.join(", ", needs(code)) + "]" : "")
                            + ": " + reason);
                }
                if (!needsAbsentBuiltin) {
                    untagged++;
                    untaggedMatched += reason == null ? 1 : 0;
                }
            }
        }
        int matched = snippets.size() - mismatches.size();
        System.out.printf("corpus (compatibility prelude %s): %d/%d match Node (%.1f %%); without the %d snippets that need "
                        + "a builtin the engine lacks: %d/%d (%.1f %%); expected values from %s%n",
                prelude ? "on" : "off", matched, snippets.size(), 100.0 * matched / snippets.size(), snippets.size() - untagged,
                untaggedMatched, untagged, 100.0 * untaggedMatched / untagged, node.source());
        mismatches.forEach(m -> System.out.println("  mismatch " + m));
        assertTrue(untaggedMatched >= REQUIRED_SHARE * untagged,
                untaggedMatched + "/" + untagged + " match; mismatches:\n" + String.join("\n", mismatches));
        assertTrue(matched >= REQUIRED_SHARE * snippets.size(),
                matched + "/" + snippets.size() + " match; mismatches:\n" + String.join("\n", mismatches));
    }

    @Test
    void everyBuiltinASnippetSaysItNeedsIsAbsentFromTheEngine() throws IOException {
        TreeSet<String> named = new TreeSet<>();
        for (Path snippet : snippets()) {
            named.addAll(needs(Files.readString(snippet)));
        }
        assertTrue(named.size() > 10, named.toString());
        // the engine's own environment: the compatibility prelude supplies some of them
        try (Sandbox sandbox = Sandbox.create(SandboxConfig.builder().compatPrelude(false).build())) {
            for (String builtin : named) {
                assertTrue(builtin.matches("[A-Z][A-Za-z]*(\\.prototype)?(\\.[a-zA-Z]+)?"), builtin);
                assertEquals("undefined", sandbox.eval("typeof " + builtin).display(), builtin + " exists");
            }
        }
    }

    @Test
    void everyBuiltinASnippetSaysItNeedsIsSuppliedUnlessLeftOut() throws IOException {
        TreeSet<String> named = new TreeSet<>();
        for (Path snippet : snippets()) {
            named.addAll(needs(Files.readString(snippet)));
        }
        assertTrue(named.size() > 10, named.toString());
        Set<String> polyfilled = closurePolyfills();
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(SandboxConfig.defaults())) {
            for (String builtin : named) {
                if (polyfilled.contains(builtin) && !EnginePolyfills.LEFT_OUT.contains(builtin)) {
                    // not typeof: Closure takes that for a feature test and injects nothing for it
                    assertEquals("function", sandbox.eval("typeof [" + builtin + "][0]").display(), builtin);
                }
            }
        }
    }

    private static Set<String> closurePolyfills() throws IOException {
        try (InputStream in = ClosureCompilation.class.getClassLoader().getResourceAsStream(CLOSURE_POLYFILLS)) {
            assertNotNull(in, CLOSURE_POLYFILLS);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).map(line -> line.split(" ")[0]).collect(Collectors.toSet());
        }
    }

    @Test
    void theCommittedAnswersAreWhatNodeSaysNow() throws Exception {
        Assumptions.assumeTrue(NodeOracle.nodeAvailable(), "node is not on the PATH");
        assertEquals(NodeOracle.committed(), NodeOracle.answers(CORPUS).byFile(),
                "regenerate with: node " + NodeOracle.SCRIPT + " " + CORPUS + " --write " + NodeOracle.COMMITTED);
    }

    /** The builtins a snippet's first line says it needs, none when it has no such line. */
    private static List<String> needs(String code) {
        if (!code.startsWith(NEEDS)) {
            return List.of();
        }
        String line = code.substring(NEEDS.length(), code.indexOf('\n'));
        return Arrays.stream(line.split(",")).map(String::strip).toList();
    }

    /** Why the sandbox's outcome differs from Node's, or null when it does not. */
    private static String mismatch(NodeOracle.Expected expected, TranspilingSandbox sandbox, String code, String file)
            throws IOException {
        if (expected.error() != null) {
            return "Node threw " + expected.error() + " (a snippet must give a value)";
        }
        EvalResult result;
        try {
            result = sandbox.eval(code, file);
        } catch (TranspileException e) {
            return "transpile " + e.problem() + ": " + e.getMessage();
        } catch (TranspiledScriptException e) {
            return "JS error: " + e.getMessage();
        } catch (SandboxException e) {
            return "sandbox " + e.kind().label() + ": " + e.getMessage();
        }
        JsonNode want = expected.json() == null ? null : JSON.readTree(expected.json());
        JsonNode got = result.value() == null ? null : JSON.readTree(result.value().toString());
        boolean same = want == null ? got == null : want.equals(got);
        return same ? null : "value " + got + ", Node " + want;
    }

    static List<Path> snippets() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".js")).sorted().toList();
        }
    }
}
