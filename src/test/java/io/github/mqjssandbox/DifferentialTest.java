package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mqjssandbox.internal.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a corpus of our own JS snippets (src/test/resources/corpus) through the sandbox and
 * through the native reference (the same engine and glue built with gcc by
 * {@code make -C wasm native}) and requires identical outcomes: value, display, output, and
 * for errors their name, message and stack.
 */
class DifferentialTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    /** Small, so that the out-of-memory case ends quickly even in the interpreter. */
    private static final int MEMORY_LIMIT = 512 << 10;
    /**
     * A corpus file may ask for another heap size in its first line: the native reference is a 64-bit
     * build whose values take twice the bytes, so a script near the limit would differ only by word size.
     */
    private static final Pattern MEMORY_LIMIT_LINE = Pattern.compile("^// memory-limit: (\\d+)\\b");
    private static Path nativeReference;

    @BeforeAll
    static void findNativeReference() {
        nativeReference = Path.of(System.getProperty("mqjs.native", "wasm/build/native/mqjs-native"));
        assertTrue(Files.isExecutable(nativeReference),
                "the native reference is missing: run make -C wasm native (" + nativeReference + ")");
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                for (Engine engine : Engine.values()) {
                    cases.add(Arguments.of(file.getFileName().toString(), engine));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void sandboxMatchesNative(String name, Engine engine) throws Exception {
        Path file = CORPUS.resolve(name);
        int memoryLimit = memoryLimit(file);
        assertEquals(runNative(file, memoryLimit), runSandbox(file, engine, memoryLimit));
    }

    private static int memoryLimit(Path file) throws IOException {
        Matcher m = MEMORY_LIMIT_LINE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        return m.find() ? Integer.parseInt(m.group(1)) : MEMORY_LIMIT;
    }

    /** One line per observable fact, so a mismatch shows as a readable diff. */
    private static String outcome(String status, String value, String display, String errorName,
            String errorMessage, String errorStack, String output) {
        return String.join("\n", "status: " + status, "value: " + value, "display: " + display,
                "errorName: " + errorName, "errorMessage: " + errorMessage, "errorStack: " + errorStack,
                "output: " + output);
    }

    private static String runNative(Path file, int memoryLimit) throws Exception {
        Process process = new ProcessBuilder(nativeReference.toString(),
                        "--memory-limit", String.valueOf(memoryLimit), file.toString())
                .redirectErrorStream(false)
                .start();
        byte[] stdout = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        JsonNode r = JsonTrees.parse(stdout);
        String value = r.get("value").isNull() ? "null" : JsonTrees.parse(r.get("value").asText()).toString();
        boolean outOfMemory = "out of memory".equals(r.get("errorMessage").asText())
                || "not enough memory".equals(r.get("errorMessage").asText());
        if (outOfMemory) {
            return outcome("memory", "null", "null", "null", "null", "null", r.get("output").asText());
        }
        int status = r.get("status").asInt();
        return outcome(status == 0 ? "ok" : "error", value, text(r.get("display")), text(r.get("errorName")),
                text(r.get("errorMessage")), text(r.get("errorStack")), r.get("output").asText());
    }

    private static String text(JsonNode node) {
        return node.isNull() ? "null" : node.asText();
    }

    private static String runSandbox(Path file, Engine engine, int memoryLimit) throws IOException {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        try (Sandbox sandbox = Sandbox.create(TestSandboxes.config(engine).randomSeed(1).memoryLimitBytes(memoryLimit)
                // the native reference has the engine's own globals, without the compatibility prelude
                .compatPrelude(false).build())) {
            EvalResult r = sandbox.eval(source, file.toString());
            return outcome("ok", r.value() == null ? "null" : r.value().toString(), r.display(),
                    "null", "null", "null", r.output());
        } catch (MemoryLimitException e) {
            return outcome("memory", "null", "null", "null", "null", "null", e.output());
        } catch (JsException e) {
            return outcome("error", "null", "null", String.valueOf(e.name()), e.jsMessage(),
                    e.jsStack().isEmpty() ? "null" : e.jsStack(), e.output());
        }
    }
}
