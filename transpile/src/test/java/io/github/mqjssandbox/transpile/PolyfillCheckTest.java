package io.github.mqjssandbox.transpile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mqjssandbox.SandboxConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each polyfill Closure may inject for a builtin the engine lacks, checked on this engine:
 * {@code src/test/resources/polyfill-checks.txt} has one modern source per builtin, what Node 20
 * gives for it and what transpile mode gives (mostly the same), with the library's compatibility
 * prelude and without. Those left out ({@link EnginePolyfills#LEFT_OUT}) must stay absent rather
 * than half-work.
 */
class PolyfillCheckTest {
    private static final Path CHECKS = Path.of("src/test/resources/polyfill-checks.txt");
    private static final String SAME = "=";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Check(String builtin, String source, String es, String transpiled) {
        String expected() {
            return transpiled.equals(SAME) ? es : transpiled;
        }
    }

    /** With the library's compatibility prelude (the default) and without: no check depends on it. */
    @ParameterizedTest(name = "compatPrelude {0}")
    @ValueSource(booleans = {true, false})
    void eachPolyfillGivesWhatTheFileSays(boolean prelude) throws IOException {
        List<Check> checks = checks();
        assertTrue(checks.size() > 70, "checks: " + checks.size());
        List<String> wrong = new ArrayList<>();
        SandboxConfig config = SandboxConfig.builder().compatPrelude(prelude).build();
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(config)) {
            for (Check check : checks) {
                sandbox.sandbox().reset();
                String got = TranspileDialectDocTest.outcome(sandbox, check.source());
                if (!sameOutcome(check.expected(), got)) {
                    wrong.add(check.builtin() + ": " + got + ", expected " + check.expected());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyPolyfillLeftOutLeavesItsBuiltinAbsent() throws IOException {
        Map<String, Check> byBuiltin = checks().stream().collect(Collectors.toMap(Check::builtin, c -> c, (a, b) -> a));
        for (String builtin : EnginePolyfills.LEFT_OUT) {
            Check check = byBuiltin.get(builtin);
            assertNotNull(check, "no check for " + builtin);
            assertTrue(check.transpiled().startsWith("ReferenceError: ") || check.transpiled().startsWith("TypeError: "),
                    builtin + " gives " + check.transpiled());
        }
    }

    @Test
    void nodeGivesTheEsColumn(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(NodeOracle.nodeAvailable(), "node is not on the PATH");
        List<Check> checks = checks();
        for (int i = 0; i < checks.size(); i++) {
            Files.writeString(dir.resolve(String.format("%03d.js", i)), checks.get(i).source());
        }
        Map<String, NodeOracle.Expected> node = NodeOracle.answers(dir).byFile();
        for (int i = 0; i < checks.size(); i++) {
            NodeOracle.Expected got = node.get(String.format("%03d.js", i));
            String outcome = got.error() != null ? got.error() : "`" + (got.json() == null ? "undefined" : got.json()) + "`";
            assertTrue(sameOutcome(checks.get(i).es(), outcome), checks.get(i).builtin() + ": Node gives " + outcome);
        }
    }

    /** A JSON value as the file writes it (bare) against an outcome as the doc test writes it (in backticks). */
    private static boolean sameOutcome(String expected, String outcome) throws IOException {
        if (!outcome.startsWith("`")) {
            return outcome.equals(expected);
        }
        String json = outcome.substring(1, outcome.length() - 1);
        if (json.equals("undefined") || expected.equals("undefined")) {
            return json.equals(expected);
        }
        try {
            return JSON.readTree(json).equals(JSON.readTree(expected));
        } catch (IOException notJson) {
            return false;
        }
    }

    static List<Check> checks() throws IOException {
        List<Check> checks = new ArrayList<>();
        for (String line : Files.readAllLines(CHECKS)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(" \\| ", -1);
            assertEquals(4, cells.length, line);
            checks.add(new Check(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip()));
        }
        assertEquals(checks.size(), checks.stream().map(Check::builtin).collect(Collectors.toSet()).size(),
                "one line per check name");
        return checks;
    }
}
