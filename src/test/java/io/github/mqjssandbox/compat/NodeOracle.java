package io.github.mqjssandbox.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Node as the oracle: runs {@link ScriptJob}s in src/test/node/vm-oracle.mjs, in the time zone
 * UTC, which is the sandbox's local time.
 */
final class NodeOracle {
    private static final Path SCRIPT = Path.of("src/test/node/vm-oracle.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Boolean available;

    private NodeOracle() {}

    /** Whether a {@code node} command runs here. */
    static synchronized boolean available() {
        if (available == null) {
            available = commandRuns("node", "--version");
        }
        return available;
    }

    static boolean commandRuns(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Each job's result, in order. */
    static List<JobResult> run(List<ScriptJob> jobs) {
        ArrayNode input = JsonNodeFactory.instance.arrayNode();
        jobs.forEach(job -> input.add(job.toJson()));
        try {
            ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString());
            builder.environment().put("TZ", "UTC");
            Process process = builder.start();
            CompletableFuture<byte[]> stdout = readAll(process.getInputStream());
            CompletableFuture<byte[]> stderr = readAll(process.getErrorStream());
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(JSON.writeValueAsBytes(input));
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("node did not finish the oracle's jobs in 10 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("node failed (" + process.exitValue() + "): "
                        + new String(stderr.join(), StandardCharsets.UTF_8));
            }
            return parse(JSON.readTree(stdout.join()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<byte[]> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<JobResult> parse(JsonNode output) throws IOException {
        List<JobResult> results = new ArrayList<>();
        for (JsonNode job : output) {
            List<JobResult.CallResult> calls = new ArrayList<>();
            for (JsonNode call : job.get("results")) {
                if (call.has("error")) {
                    calls.add(JobResult.CallResult.thrown(call.get("error").asText()));
                } else if (call.has("undefined")) {
                    calls.add(JobResult.CallResult.undefinedValue());
                } else {
                    calls.add(JobResult.CallResult.value(JSON.readTree(call.get("json").asText())));
                }
            }
            JsonNode loadError = job.get("loadError");
            results.add(new JobResult(job.get("name").asText(), loadError.isNull() ? null : loadError.asText(), calls));
        }
        return results;
    }
}
