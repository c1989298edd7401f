package io.github.mqjssandbox.transpile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.SandboxConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the "Transpile mode" table of docs/js-dialect.md: each {@code modern source} through a
 * {@link TranspilingSandbox} must give the {@code transpile mode} cell, and in Node the
 * {@code ES} cell.
 */
class TranspileDialectDocTest {
    private static final Path DOC = Path.of("../docs/js-dialect.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Row(String id, String source, String transpiled, String es) {}

    @Test
    void everyRowGivesItsTranspileModeCell() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 20, "rows found: " + rows.size());
        Set<String> ids = new HashSet<>();
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(SandboxConfig.defaults())) {
            for (Row row : rows) {
                assertTrue(ids.add(row.id()), "duplicate case " + row.id());
                sandbox.sandbox().reset();
                assertEquals(row.transpiled(), outcome(sandbox, row.source()), row.id() + ": " + row.source());
            }
        }
    }

    @Test
    void everyRowGivesItsEsCellInNode(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(NodeOracle.nodeAvailable(), "node is not on the PATH");
        List<Row> rows = rows();
        for (Row row : rows) {
            Files.writeString(dir.resolve(row.id() + ".js"), row.source());
        }
        Map<String, NodeOracle.Expected> node = NodeOracle.answers(dir).byFile();
        for (Row row : rows) {
            NodeOracle.Expected got = node.get(row.id() + ".js");
            String[] span = codeSpan(row.es());
            if (span == null) {
                assertNotNull(got.error(), row.id() + " should throw in Node");
                assertTrue(got.error().startsWith(row.es()), row.id() + ": " + got.error());
            } else if (span[0].equals("undefined")) {
                assertEquals(null, got.json(), row.id());
            } else {
                assertNotNull(got.json(), row.id() + " threw in Node: " + got.error());
                assertEquals(JSON.readTree(span[0]), JSON.readTree(got.json()), row.id());
            }
        }
    }

    /** What the sandbox gives, written as the table writes it: a value in backticks, or "name: message". */
    static String outcome(TranspilingSandbox sandbox, String source) throws IOException {
        try {
            EvalResult result = sandbox.eval(source);
            return "`" + (result.value() == null ? "undefined" : JSON.writeValueAsString(result.value())) + "`";
        } catch (TranspiledScriptException e) {
            return (e.name() == null ? "uncaught" : e.name()) + ": " + e.jsMessage();
        } catch (TranspileException e) {
            return (e.problem().isSyntaxError() ? "SyntaxError: " : "") + e.reason();
        }
    }

    /** The rows of the tables with a "modern source", a "transpile mode", an "ES" and a "case" column. */
    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!lines.get(i).startsWith("|") || !lines.get(i + 1).startsWith("| ---")) {
                continue;
            }
            List<String> header = cells(lines.get(i));
            int source = header.indexOf("modern source");
            int transpiled = header.indexOf("transpile mode");
            int es = header.indexOf("ES");
            int id = header.indexOf("case");
            if (source < 0 || transpiled < 0 || es < 0 || id < 0) {
                continue;
            }
            for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                List<String> row = cells(lines.get(i));
                assertEquals(header.size(), row.size(), lines.get(i));
                rows.add(new Row(codeSpan(row.get(id))[0], codeSpan(row.get(source))[0],
                        normalised(row.get(transpiled)), row.get(es)));
            }
        }
        return rows;
    }

    /** A value cell as {@link #outcome} writes it: its JSON re-serialised, an error cell as it is. */
    private static String normalised(String cell) throws IOException {
        String[] span = codeSpan(cell);
        if (span == null || span[0].equals("undefined")) {
            return cell;
        }
        JsonNode value = JSON.readTree(span[0]);
        return "`" + JSON.writeValueAsString(value) + "`";
    }

    /** A table row's cells, with escaped pipes restored. */
    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip().replace("\\|", "|"));
        }
        return cells;
    }

    /** The content of the code span that opens {@code text} and what follows it, or null when there is none. */
    private static String[] codeSpan(String text) {
        int fence = 0;
        while (fence < text.length() && text.charAt(fence) == '`') {
            fence++;
        }
        if (fence == 0) {
            return null;
        }
        String delimiter = "`".repeat(fence);
        int close = text.indexOf(delimiter, fence);
        while (close >= 0 && close + fence < text.length() && text.charAt(close + fence) == '`') {
            close = text.indexOf(delimiter, close + fence + 1);
        }
        if (close < 0) {
            return null;
        }
        String content = text.substring(fence, close);
        if (content.length() > 1 && content.startsWith(" ") && content.endsWith(" ")) {
            content = content.substring(1, content.length() - 1);
        }
        return new String[] {content, text.substring(close + fence).strip()};
    }
}
