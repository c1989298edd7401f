package io.github.mqjssandbox.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mqjssandbox.internal.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program through {@code wasm/build/native/mqjs-native}: the same engine and C glue
 * built with gcc for this 64-bit machine, with Math.random seeded with 1 as the sandbox
 * under test is. One process per program, in a working directory of its own, the program
 * always in a file named {@value #FILE_NAME} so that stack traces name the same file.
 */
public final class NativeReference {
    public static final String FILE_NAME = "fuzz.js";

    private final Path binary;
    private final Path workDir;
    private final int memoryLimit;
    private final Duration timeout;

    public NativeReference(Path binary, Path workDir, int memoryLimit, Duration timeout) {
        this.binary = binary.toAbsolutePath();
        this.workDir = workDir;
        this.memoryLimit = memoryLimit;
        this.timeout = timeout;
    }

    /** The reference built by {@code make -C wasm native}, as the tests find it. */
    public static Path defaultBinary() {
        return Path.of(System.getProperty("mqjs.native", "wasm/build/native/mqjs-native"));
    }

    public Outcome run(String source) {
        try {
            Files.createDirectories(workDir);
            Files.write(workDir.resolve(FILE_NAME), Wtf8.encode(source));
            Path out = workDir.resolve("stdout");
            Path err = workDir.resolve("stderr");
            Process process = new ProcessBuilder(binary.toString(), "--memory-limit", String.valueOf(memoryLimit), FILE_NAME)
                    .directory(workDir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return Outcome.of(Outcome.Kind.TIMEOUT, "native did not finish in " + timeout);
            }
            int exit = process.exitValue();
            byte[] stdout = Files.readAllBytes(out);
            if (exit != 0 && exit != 1 || stdout.length == 0) {
                return Outcome.of(Outcome.Kind.CRASH, "native exit " + exit + ": "
                        + Files.readString(err, StandardCharsets.ISO_8859_1).strip());
            }
            return parse(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The native report is JSON whose strings hold the engine's bytes as they are: UTF-8, or
     * WTF-8 where a JS string has a lone surrogate. Decoded here on purpose without the
     * sandbox's code, so that both are checked against an independent reading.
     */
    static Outcome parse(byte[] stdout) throws IOException {
        JsonNode r = JsonTrees.parse(Wtf8.decode(stdout));
        int status = r.get("status").asInt();
        String errorName = text(r.get("errorName"));
        String errorMessage = text(r.get("errorMessage"));
        String output = r.get("output").asText();
        if (Outcome.isMemoryMessage(errorName, errorMessage)) {
            return new Outcome(Outcome.Kind.MEMORY, null, null, null, null, null, output, errorMessage);
        }
        String value = null;
        if (!r.get("value").isNull()) {
            try {
                value = JsonTrees.parse(r.get("value").asText()).toString();
            } catch (IOException tooDeep) {
                value = null; // the sandbox gives no value for JSON deeper than it reads
            }
        }
        switch (status) {
            case 0:
                return new Outcome(Outcome.Kind.OK, value, text(r.get("display")), null, null, null, output, null);
            case 1:
            case 4:
                return new Outcome(status == 1 ? Outcome.Kind.RUNTIME : Outcome.Kind.SYNTAX, null, null, errorName,
                        errorMessage, text(r.get("errorStack")), output, null);
            case 2:
                return new Outcome(Outcome.Kind.UNCATCHABLE, null, null, errorName, errorMessage, text(r.get("errorStack")),
                        output, null);
            default:
                return Outcome.of(Outcome.Kind.CRASH, "native status " + status);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
