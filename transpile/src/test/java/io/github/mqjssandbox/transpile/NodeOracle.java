package io.github.mqjssandbox.transpile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What Node 20 gives for each corpus snippet: computed now by {@code corpus-oracle.mjs} when
 * node is on the PATH, else read from the committed file that script writes.
 */
final class NodeOracle {
    static final Path SCRIPT = Path.of("src/test/node/corpus-oracle.mjs");
    static final Path COMMITTED = Path.of("src/test/resources/corpus-expected.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A snippet's result in Node: the JSON text of its value (null when it has none), or the error it threw. */
    record Expected(String json, String error) {}

    /** Where the answers came from, and the answers by file name. */
    record Answers(String source, Map<String, Expected> byFile) {}

    private NodeOracle() {}

    static Answers answers(Path corpus) throws IOException, InterruptedException {
        String fromNode = runNode(corpus);
        if (fromNode == null) {
            return new Answers("committed " + COMMITTED + " (node not found)", parse(Files.readString(COMMITTED)));
        }
        return new Answers("node " + nodeVersion(), parse(fromNode));
    }

    /** The committed answers, for the check that they are still what Node says. */
    static Map<String, Expected> committed() throws IOException {
        return parse(Files.readString(COMMITTED));
    }

    static boolean nodeAvailable() {
        try {
            return nodeVersion() != null;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String nodeVersion() throws IOException, InterruptedException {
        return run("node", "--version");
    }

    private static String runNode(Path corpus) throws IOException, InterruptedException {
        try {
            return run("node", SCRIPT.toString(), corpus.toString());
        } catch (IOException noNode) {
            return null;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }

    private static Map<String, Expected> parse(String text) throws IOException {
        Map<String, Expected> byFile = new TreeMap<>();
        JsonNode root = JSON.readTree(text);
        root.fields().forEachRemaining(e -> {
            JsonNode json = e.getValue().get("json");
            JsonNode error = e.getValue().get("error");
            byFile.put(e.getKey(), new Expected(
                    json == null || json.isNull() ? null : json.asText(), error == null ? null : error.asText()));
        });
        return byFile;
    }
}
