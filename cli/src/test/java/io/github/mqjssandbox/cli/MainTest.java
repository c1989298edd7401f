package io.github.mqjssandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mqjssandbox.VersionInfo;
import io.github.mqjssandbox.internal.JsonTrees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI contract: options, the --json object, exit statuses, one-line usage errors. */
class MainTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            assertEquals(1, out.lines().count(), "exactly one line of JSON: " + out);
            return MAPPER.readTree(out);
        }
    }

    private static Run runWithStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return runWithStdin("", args);
    }

    @Test
    void versionNamesLibraryEngineCommitAndChicory() {
        Run r = run("--version");
        assertEquals(0, r.status());
        VersionInfo v = VersionInfo.current();
        assertEquals(v.describe() + "\nupstream commit " + v.upstreamCommit() + "\n", r.out());
    }

    /** The options are built in code (Main.spec): the help is what the annotated model printed. */
    @Test
    void helpListsTheOptions() {
        Run r = run("--help");
        assertEquals(0, r.status());
        assertEquals("""
                Usage: mquickjs-sandbox [-hV] [--flat-memory] [--json] [--no-history]
                                        [--transpile] [-e=CODE] [--engine=ENGINE] [--fuel=N]
                                        [--max-output=BYTES] [--memory-limit=SIZE] [--repeat=N]
                                        [--timeout=MS] [--preload=FILE]... [FILE]
                Evaluates untrusted JavaScript in a MicroQuickJS sandbox under hard limits.
                With no code and a terminal on stdin, starts a REPL; with no code otherwise,
                reads the script from stdin.
                      [FILE]                A file with the code to evaluate.
                  -e, --eval=CODE           The code to evaluate.
                      --engine=ENGINE       aot, compiler or interpreter (default: aot).
                      --flat-memory         Hold the sandbox's memory in one array: scripts run
                                              about a third faster, but each sandbox allocates
                                              its whole memory limit up front (~20 ms more to
                                              start).
                      --fuel=N              Instruction-count budget (fuel units).
                  -h, --help                Show this help message and exit.
                      --json                Print exactly one JSON object on stdout.
                      --max-output=BYTES    Limit on what print/console.log may write (default:
                                              1m).
                      --memory-limit=SIZE   JS heap size in bytes; k, m, g suffixes allowed
                                              (default: 16m).
                      --no-history          In the REPL, keep no history file (default: ~/.
                                              mquickjs_sandbox_history).
                      --preload=FILE        A script (a library, helpers) to run first, into
                                              the context every run starts from; repeatable, in
                                              order.
                      --repeat=N            Evaluate in N fresh sandboxes; report the minimum
                                              and median time.
                      --timeout=MS          Wall-clock limit in milliseconds, 0 for none
                                              (default: 10000).
                      --transpile           Transpile modern JavaScript (ES2015 and later) to
                                              ES5 on the host first, with the Closure Compiler;
                                              errors point at the source as written. Not in the
                                              REPL.
                  -V, --version             Print version information and exit.
                """, r.out().replace("\r", ""));
        assertEquals("", r.err());
    }

    /** --flat-memory changes where the memory lives, not what scripts compute or how limits hold. */
    @Test
    void flatMemoryGivesTheSameResultsAndLimits() {
        String fib = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(18)";
        Run paged = run("--json", "--fuel", "100000000", "-e", fib);
        Run flat = run("--json", "--flat-memory", "--fuel", "100000000", "-e", fib);
        assertEquals(0, flat.status(), flat.err());
        assertEquals(paged.out().replaceAll("\"evalNanos[^,}]*[,}]", ""), flat.out().replaceAll("\"evalNanos[^,}]*[,}]", ""));
        Run exhausted = run("--flat-memory", "--memory-limit", "1m", "-e", "var a = []; for (;;) a.push('x' + a.length);");
        assertEquals(ExitCode.LIMIT, exhausted.status(), exhausted.err());
        assertTrue(exhausted.err().contains("memory"), exhausted.err());
    }

    /** picocli's own messages, as the annotated model gave them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-e|Missing required parameter for option '--eval' (CODE)",
            "-e --json|Expected parameter for option '--eval' but found '--json'",
            "--json --json -e 1|option '--json' should be specified only once",
            "--timeout 1.5 -e 1|Invalid value for option '--timeout': '1.5' is not a long",
            "--repeat x -e 1|Invalid value for option '--repeat': 'x' is not an int",
            "--engine turbo -e 1|Invalid value for option '--engine': expected one of [AOT, COMPILER, INTERPRETER] (case-insensitive) but was 'turbo'",
            "a.js b.js|Unmatched argument at index 1: 'b.js'",
            "-je 1|Unknown option: '-je'"})
    void parseErrorsKeepPicocliMessages(String args, String message) {
        Run r = run(args.split(" "));
        assertEquals(2, r.status());
        assertEquals("mquickjs-sandbox: " + message + " (see --help)\n", r.err().replace("\r", ""));
    }

    @Test
    void valuedOptionsTakeEveryForm() {
        for (String[] args : new String[][] {{"-e", "1+2"}, {"-e1+2"}, {"-e=1+2"}, {"--eval", "1+2"}, {"--eval=1+2"},
                {"--json=false", "--repeat=2", "--engine", "Interpreter", "--memory-limit", " 2M ", "-e", "1+2"}}) {
            Run r = run(args);
            assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals("3\n", r.out().replace("\r", ""), String.join(" ", args));
        }
    }

    /** {@code -e CODE} skips picocli (Main.readPlainEval); any picocli system property sends it through picocli. */
    @ParameterizedTest
    @ValueSource(strings = {"1+2", "", " ", "print('x'); 'y'", "throw new Error('e')", "var = 1", "\"quoted\"", "a=b"})
    void plainEvalGivesWhatPicocliGives(String code) {
        for (String option : new String[] {"-e", "--eval"}) {
            Run fast = run(option, code);
            System.setProperty("picocli.trace", "WARN"); // picocli's default level
            try {
                assertEquals(run(option, code), fast, option + " " + code);
            } finally {
                System.clearProperty("picocli.trace");
            }
        }
    }

    @Test
    void jsonSuccess() throws Exception {
        Run r = run("--json", "-e", "print('hi'); ({a: [1, 2]})");
        assertEquals(0, r.status());
        JsonNode json = r.json();
        assertTrue(json.get("ok").asBoolean());
        assertEquals(MAPPER.readTree("{\"a\":[1,2]}"), json.get("value"));
        assertEquals("[object Object]", json.get("display").asText());
        assertEquals("hi\n", json.get("output").asText());
        assertTrue(json.get("evalNanos").asLong() > 0);
        assertFalse(json.has("fuelUsed"), "fuelUsed appears only when fuel metering is on");
        assertFalse(json.has("evalNanosMedian"));
    }

    /** The deepest value the library returns still fits in the report (it was an internal error). */
    @Test
    void jsonReportsAValueNestedAsDeepAsTheLibraryReads() throws Exception {
        int depth = JsonTrees.MAX_NESTING_DEPTH;
        Run r = run("--json", "-e", "var v = 0; for (var i = 0; i < " + depth + "; i++) v = [v]; v");
        assertEquals(0, r.status(), r.err());
        ObjectMapper deepReader = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(depth + 1).build()).build());
        JsonNode value = deepReader.readTree(r.out()).get("value");
        for (int i = 0; i < depth; i++) {
            assertEquals(1, value.size());
            value = value.get(0);
        }
        assertEquals(0, value.intValue());
    }

    /** Unescaped, a lone surrogate would reach the UTF-8 stream and print as '?'. */
    @Test
    void jsonKeepsLoneSurrogatesAsEscapes() throws Exception {
        Run r = run("--json", "-e", "print('a\\ud800'); 'b\\udc00\ud83d\ude00'");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("\"b\\udc00\ud83d\ude00\""), r.out());
        JsonNode json = r.json();
        assertEquals("a\ud800\n", json.get("output").asText());
        assertEquals("b\udc00\ud83d\ude00", json.get("display").asText());
        assertEquals("b\udc00\ud83d\ude00", json.get("value").asText());
    }

    @Test
    void jsonRuntimeError() throws Exception {
        Run r = run("--json", "-e", "print('before');\nnull.x");
        assertEquals(1, r.status());
        JsonNode json = r.json();
        assertFalse(json.get("ok").asBoolean());
        JsonNode error = json.get("error");
        assertEquals("runtime", error.get("kind").asText());
        assertEquals("TypeError", error.get("name").asText());
        assertEquals("cannot read property 'x' of null", error.get("message").asText());
        assertEquals(2, error.get("line").asInt());
        assertEquals(5, error.get("column").asInt());
        assertEquals("before\n", json.get("output").asText());
    }

    @Test
    void preloadedScriptsRunFirstInOrder(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("lib.js");
        Files.writeString(lib, "var names = ['lib']; function greet(n) { return 'Hello, ' + n + ' (' + names.join(',') + ')'; }");
        Path more = dir.resolve("more.js");
        Files.writeString(more, "names.push('more');");
        Run r = run("--preload", lib.toString(), "--preload", more.toString(), "-e", "greet('Ada')");
        assertEquals(0, r.status(), r.err());
        assertEquals("Hello, Ada (lib,more)\n", r.out());
    }

    @Test
    void aPreloadThatCannotBeReadIsAUsageError(@TempDir Path dir) {
        Run r = run("--preload", dir.resolve("missing.js").toString(), "-e", "1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("cannot read " + dir.resolve("missing.js") + ": no such file"), r.err());
    }

    @Test
    void aPreloadThatFailsIsReportedWithItsKindAndFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad-lib.js");
        Files.writeString(bad, "var ok = 1;\nvar = 2;\n");
        Run r = run("--json", "--preload", bad.toString(), "-e", "1");
        assertEquals(1, r.status());
        JsonNode error = r.json().get("error");
        assertEquals("syntax", error.get("kind").asText());
        assertTrue(error.get("message").asText().contains("bad-lib.js"), error.toString());
    }

    @Test
    void jsonSyntaxErrorFromAFile(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("bad.js");
        Files.writeString(script, "var ok = 1;\nvar = 2;\n");
        Run r = run("--json", script.toString());
        assertEquals(1, r.status());
        JsonNode error = r.json().get("error");
        assertEquals("syntax", error.get("kind").asText());
        assertEquals("SyntaxError", error.get("name").asText());
        assertEquals(2, error.get("line").asInt());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--timeout|100|for (;;) {}|timeout",
            "--memory-limit|256k|var a = []; for (;;) a.push('x' + a.length)|memory",
            "--max-output|10|for (;;) print('0123456789')|output",
            "--fuel|100000|for (;;) {}|fuel"})
    void limitsExitWithThree(String option, String value, String code, String kind) throws Exception {
        Run r = run("--json", option, value, "-e", code);
        assertEquals(3, r.status(), r.out() + r.err());
        assertEquals(kind, r.json().get("error").get("kind").asText());
    }

    @Test
    void fuelUsedAppearsWhenFuelIsMetered() throws Exception {
        Run ok = run("--json", "--fuel", "100000000", "-e", "1 + 2");
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.json().get("fuelUsed").asLong() > 0);
        Run out = run("--json", "--fuel", "100000", "-e", "for (;;) {}");
        assertEquals(3, out.status());
        JsonNode json = out.json();
        assertTrue(json.get("fuelUsed").asLong() > 100000);
        assertEquals("fuel: limit 100000 units reached (" + json.get("fuelUsed").asLong() + " used)",
                json.get("error").get("message").asText());
    }

    @Test
    void repeatReportsMinimumAndMedian() throws Exception {
        Run r = run("--json", "--repeat", "3", "-e", "var s = 0; for (var i = 0; i < 1000; i++) s += i; s");
        assertEquals(0, r.status());
        JsonNode json = r.json();
        assertEquals(499500, json.get("value").asInt());
        assertTrue(json.get("evalNanos").asLong() <= json.get("evalNanosMedian").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiler", "AOT"})
    void engineOption(String engine) throws Exception {
        Run r = run("--json", "--engine", engine, "-e", "6 * 7");
        assertEquals(0, r.status(), r.err());
        assertEquals(42, r.json().get("value").asInt());
    }

    @Test
    void plainModeStreamsOutputThenPrintsTheResult() {
        Run r = run("-e", "print('line'); 1 + 1");
        assertEquals(0, r.status());
        assertEquals("line\n2\n", r.out());
        Run failed = run("-e", "throw new Error('boom')");
        assertEquals(1, failed.status());
        assertTrue(failed.err().startsWith("Error: boom (line 1, column"), failed.err());
    }

    @Test
    void withoutCodeAndWithoutATerminalTheScriptComesFromStdin() throws Exception {
        Run r = runWithStdin("[1, 2].length", "--json");
        assertEquals(0, r.status());
        assertEquals(2, r.json().get("value").asInt());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--memory-limit|lots",
            "--memory-limit|10",
            "--timeout|-5",
            "--engine|turbo",
            "--repeat|0",
            "--bogus|1",
            "--max-output|-1",
            "--fuel|-3"})
    void badOptionsAreOneLineUsageErrors(String option, String value) {
        Run r = run(option, value, "-e", "1");
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("mquickjs-sandbox: "), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unreadableFilesAndConflictingInputsAreUsageErrors(@TempDir Path dir) {
        Run missing = run(dir.resolve("nope.js").toString());
        assertEquals(2, missing.status());
        assertEquals("mquickjs-sandbox: cannot read " + dir.resolve("nope.js") + ": no such file (see --help)\n",
                missing.err().replace("\r", ""));
        Run both = run("-e", "1", dir.resolve("x.js").toString());
        assertEquals(2, both.status());
        assertEquals(1, both.err().lines().count());
    }

    @Test
    void transpileRunsModernJavaScriptAndReportsErrorsWhereTheyWereWritten() throws Exception {
        String modern = "const squares = [1, 2, 3].map((x) => x ** 2);\n`${squares}`";
        assertEquals("syntax", run("--json", "-e", modern).json().get("error").get("kind").asText(), "plain ES5 mode");

        Run ok = run("--json", "--transpile", "-e", modern);
        assertEquals(0, ok.status(), ok.err());
        assertEquals("\"1,4,9\"", ok.json().get("value").toString());

        Run thrown = run("--json", "--transpile", "-e", "let config;\nconst port = config.port;");
        assertEquals(1, thrown.status());
        JsonNode error = thrown.json().get("error");
        assertEquals("runtime", error.get("kind").asText());
        assertEquals("TypeError", error.get("name").asText());
        assertEquals(2, error.get("line").asInt(), "the line as written, not in the ES5 code");
        assertEquals(21, error.get("column").asInt());
        assertEquals("    at <eval> (<eval>:2:21)\n", error.get("stack").asText());

        Run invalid = run("--json", "--transpile", "-e", "let ok = 1;\nconst = 2;");
        assertEquals(1, invalid.status());
        assertEquals(MAPPER.readTree("{\"kind\":\"syntax\",\"name\":\"SyntaxError\","
                + "\"message\":\"Parse error. 'identifier' expected\",\"line\":2,\"column\":7}"), invalid.json().get("error"));

        Run text = run("--transpile", "-e", "class Box {\n  open() { throw new Error(`locked ${1 + 1}`); }\n}\nnew Box().open();");
        assertEquals(1, text.status());
        assertEquals("Error: locked 2 (line 2, column 18)\n    at  (<eval>:2:18)\n    at <eval> (<eval>:4:1)\n",
                text.err().replace("\r", ""));
    }
}
