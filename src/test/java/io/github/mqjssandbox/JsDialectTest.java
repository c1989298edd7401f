package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mqjssandbox.internal.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs docs/js-dialect.md. Every table row with a {@code test} column is a case: its
 * {@code source} must give the {@code sandbox} cell, and its {@code rewrite}, if any, the value
 * after "→" or else the {@code ES} cell. Every recipe block must give its "// result:" line.
 * Each case runs in a fresh context, in every engine.
 */
class JsDialectTest {
    static final Path DOC = Path.of("docs/js-dialect.md");

    private static final Pattern ERROR_CELL = Pattern.compile("([A-Za-z]*Error)(?:: (.*))?");
    private static final Pattern RECIPE = Pattern.compile(
            "```js\n(// test: (\\S+)\n[\\s\\S]*?)// result: (.*)\n```");

    /** The result a cell describes: a value as JSON ({@code null} for undefined), or an error. */
    record Outcome(JsonNode json, boolean undefined, String errorName, String errorMessage) {
        boolean isError() {
            return errorName != null;
        }

        static Outcome parse(String cell) {
            String[] span = codeSpan(cell);
            if (span != null) {
                if (!span[1].isEmpty()) {
                    throw new IllegalArgumentException("text after the value: " + cell);
                }
                if (span[0].equals("undefined")) {
                    return new Outcome(null, true, null, null);
                }
                try {
                    return new Outcome(JsonTrees.parse(span[0]), false, null, null);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("not JSON: " + cell, e);
                }
            }
            Matcher error = ERROR_CELL.matcher(cell);
            if (!error.matches()) {
                throw new IllegalArgumentException("neither a value nor an error: " + cell);
            }
            return new Outcome(null, false, error.group(1), error.group(2));
        }
    }

    /** One script of the document and the outcome the sandbox must give. */
    record Case(String id, String source, Outcome expected) {
        @Override
        public String toString() {
            return id;
        }
    }

    private static final List<Case> CASES = readCases();
    private static final Map<Engine, Sandbox> SANDBOXES = new EnumMap<>(Engine.class);

    @AfterAll
    static void closeSandboxes() {
        SANDBOXES.values().forEach(Sandbox::close);
    }

    static Stream<Arguments> engineCases() {
        return Stream.of(Engine.values()).flatMap(engine -> CASES.stream().map(c -> Arguments.of(engine, c)));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("engineCases")
    void documentedBehaviour(Engine engine, Case c) {
        Sandbox sandbox = SANDBOXES.computeIfAbsent(engine, TestSandboxes::open);
        sandbox.reset();
        Outcome want = c.expected();
        if (want.isError()) {
            JsException e = assertThrows(JsException.class, () -> sandbox.eval(c.source()), c.source());
            assertEquals(want.errorName(), e.name(), c.source());
            assertEquals(want.errorMessage(), e.jsMessage(), c.source());
            // The document's SyntaxErrors are all raised while compiling the script.
            assertEquals(want.errorName().equals("SyntaxError") ? ErrorKind.SYNTAX : ErrorKind.RUNTIME, e.kind(), c.source());
            return;
        }
        EvalResult result = sandbox.eval(c.source());
        if (want.undefined()) {
            assertEquals("undefined", result.display(), c.source());
            assertTrue(result.value() == null || result.value().isNull(), c.source());
        } else {
            assertEquals(want.json(), result.value(), c.source());
        }
    }

    /** The document is well formed and the parser finds every row: a guard against a silently empty suite. */
    @Test
    void everyDocumentedPointIsACase() throws IOException {
        assertTrue(CASES.size() >= 250, "cases found: " + CASES.size());
        Set<String> ids = new HashSet<>();
        for (Case c : CASES) {
            assertTrue(ids.add(c.id()), "duplicate test name " + c.id());
        }
        assertTrue(ids.containsAll(List.of("undeclared-assignment", "direct-eval", "array-hole", "let",
                "let rewrite", "prelude-uri-functions", "recipe-encode-uri-component", "recipe-iso-string")), ids.toString());
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher blocks = Pattern.compile("```js\n").matcher(doc);
        int jsBlocks = 0;
        while (blocks.find()) {
            jsBlocks++;
        }
        long recipes = CASES.stream().filter(c -> c.source().startsWith("// test: ")).count();
        assertTrue(recipes >= 3, "recipes found: " + recipes);
        assertEquals(jsBlocks, recipes, "every js block is a recipe with a '// result:' line");
        assertTrue(doc.contains("`writableGlobalsStayChangedForLaterScripts`"), "the doc names the Java test below");
    }

    /** The row {@code writable-undefined}: the change outlives the script, until a reset. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void writableGlobalsStayChangedForLaterScripts(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            sandbox.eval("undefined = 1");
            assertEquals("number", sandbox.eval("typeof undefined").display());
            assertEquals("false", sandbox.eval("(function (a) { return a === undefined; })()").display(),
                    "a missing argument no longer equals undefined");
            sandbox.reset();
            assertEquals("undefined", sandbox.eval("typeof undefined").display());
        }
    }

    // ---- reading the document ----

    static List<Case> readCases() {
        List<String> lines;
        try {
            lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!lines.get(i).startsWith("|") || !lines.get(i + 1).matches("\\|\\s*---.*")) {
                continue;
            }
            List<String> header = cells(lines.get(i));
            int test = header.indexOf("test");
            if (test < 0) {
                assertFalse(header.contains("source"), "a table of sources without a test column: " + lines.get(i));
                continue;
            }
            int source = column(header, "source");
            int es = column(header, "ES");
            int sandbox = column(header, "sandbox");
            int rewrite = header.indexOf("rewrite");
            for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                List<String> row = cells(lines.get(i));
                assertEquals(header.size(), row.size(), lines.get(i));
                String id = code(row.get(test));
                Outcome standard = Outcome.parse(row.get(es));
                cases.add(new Case(id, code(row.get(source)), Outcome.parse(row.get(sandbox))));
                if (rewrite >= 0 && !row.get(rewrite).isEmpty()) {
                    String[] span = codeSpan(row.get(rewrite));
                    assertNotNull(span, lines.get(i));
                    Outcome wanted = span[1].isEmpty() ? standard : Outcome.parse(stripArrow(span[1]));
                    assertFalse(wanted.isError(), "a rewrite must work: " + lines.get(i));
                    cases.add(new Case(id + " rewrite", span[0], wanted));
                }
            }
        }
        Matcher recipe = RECIPE.matcher(String.join("\n", lines));
        while (recipe.find()) {
            cases.add(new Case(recipe.group(2), recipe.group(1), Outcome.parse("`" + recipe.group(3) + "`")));
        }
        return List.copyOf(cases);
    }

    private static int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            fail("no " + name + " column in " + header);
        }
        return index;
    }

    private static String stripArrow(String text) {
        if (!text.startsWith("→")) {
            throw new IllegalArgumentException("expected '→ value' after a rewrite: " + text);
        }
        return text.substring(1).trim();
    }

    /** A table row's cells, with GitHub's escaped pipes restored. */
    static List<String> cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.endsWith("|") && !inner.endsWith("\\|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.trim().replace("\\|", "|"));
        }
        return cells;
    }

    /** The content of a cell that is exactly one code span. */
    private static String code(String cell) {
        String[] span = codeSpan(cell);
        if (span == null || !span[1].isEmpty()) {
            throw new IllegalArgumentException("expected one code span: " + cell);
        }
        return span[0];
    }

    /** A code span at the start of {@code text}: its content and the text after it, or null. */
    static String[] codeSpan(String text) {
        int fence = 0;
        while (fence < text.length() && text.charAt(fence) == '`') {
            fence++;
        }
        if (fence == 0) {
            return null;
        }
        String delimiter = "`".repeat(fence);
        int from = fence;
        while (true) {
            int close = text.indexOf(delimiter, from);
            if (close < 0) {
                return null;
            }
            int end = close + fence;
            if (end < text.length() && text.charAt(end) == '`') {
                while (end < text.length() && text.charAt(end) == '`') {
                    end++;
                }
                from = end;
                continue;
            }
            String content = text.substring(fence, close);
            if (content.length() > 1 && content.startsWith(" ") && content.endsWith(" ") && !content.isBlank()) {
                content = content.substring(1, content.length() - 1);
            }
            return new String[] {content, text.substring(end).trim()};
        }
    }
}
