package io.github.mqjssandbox.examples.evalservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server with small maxima: whatever a request asks for, it gets at most those, and says so. */
class LimitCapsTest {
    private static final int MAX_MEMORY = 1 << 20;
    private static final long MAX_TIMEOUT_MS = 300;
    private static final long MAX_FUEL = 20_000_000;
    private static final int MAX_OUTPUT = 1_024;

    private static EvalServer server;
    private static ServiceClient client;

    @BeforeAll
    static void start() throws Exception {
        server = EvalServer.start(ServiceSettings.builder().port(0)
                .defaultLimits(512 << 10, 100, 10_000_000, 512)
                .maxLimits(MAX_MEMORY, MAX_TIMEOUT_MS, MAX_FUEL, MAX_OUTPUT)
                .build());
        client = new ServiceClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aHugeMemoryLimitGetsTheServerCapAndTheBombStopsThere() throws Exception {
        JsonNode json = client.eval("var s = 'x'; for (;;) s = s + s;", ServiceClient.limits()
                .put("memoryLimitBytes", new BigInteger("1000000000000000000000000000000"))).json();
        assertEquals("memory", json.get("error").get("kind").asText());
        assertTrue(json.get("error").get("message").asText().contains("limit " + MAX_MEMORY + " bytes"),
                json.get("error").get("message").asText());
        assertEquals(MAX_MEMORY, json.get("limits").get("memoryLimitBytes").asLong());
        assertEquals("[\"memoryLimitBytes\"]", json.get("capped").toString());
    }

    @Test
    void anHourOfTimeoutGetsTheServerCap() throws Exception {
        long start = System.nanoTime();
        JsonNode json = client.eval("for (;;) {}", ServiceClient.limits().put("timeoutMs", 3_600_000)
                .put("fuel", MAX_FUEL * 1_000)).json();
        long millis = (System.nanoTime() - start) / 1_000_000;
        // whichever of the two capped limits comes first stops it, well within the hour
        String kind = json.get("error").get("kind").asText();
        assertTrue(kind.equals("timeout") || kind.equals("fuel"), kind);
        assertTrue(millis < 10_000, millis + " ms");
        assertEquals(MAX_TIMEOUT_MS, json.get("limits").get("timeoutMs").asLong());
        assertEquals(MAX_FUEL, json.get("limits").get("fuel").asLong());
        assertEquals("[\"timeoutMs\",\"fuel\"]", json.get("capped").toString());
    }

    @Test
    void aHugeFuelBudgetGetsTheServerCap() throws Exception {
        JsonNode json = client.eval("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(30)",
                ServiceClient.limits().put("fuel", Long.MAX_VALUE).put("timeoutMs", MAX_TIMEOUT_MS)).json();
        String kind = json.get("error").get("kind").asText();
        assertTrue(kind.equals("fuel") || kind.equals("timeout"), kind);
        assertEquals(MAX_FUEL, json.get("limits").get("fuel").asLong());
    }

    @Test
    void aHugeOutputLimitGetsTheServerCap() throws Exception {
        JsonNode json = client.eval("for (;;) print('0123456789');",
                ServiceClient.limits().put("maxOutputBytes", 1L << 40)).json();
        assertEquals("output", json.get("error").get("kind").asText());
        assertTrue(json.get("output").asText().length() <= MAX_OUTPUT);
        assertEquals(MAX_OUTPUT, json.get("limits").get("maxOutputBytes").asLong());
    }

    @Test
    void limitsBelowTheMaximaAreNotCapped() throws Exception {
        JsonNode json = client.eval("1", ServiceClient.limits().put("memoryLimitBytes", MAX_MEMORY)
                .put("timeoutMs", 1).put("fuel", MAX_FUEL).put("maxOutputBytes", 0)).json();
        assertTrue(json.get("ok").asBoolean(), json.toString());
        assertEquals(0, json.get("capped").size());
    }

    @Test
    void requestsWithoutLimitsGetTheDefaults() throws Exception {
        JsonNode limits = client.eval("1").json().get("limits");
        assertEquals(512 << 10, limits.get("memoryLimitBytes").asLong());
        assertEquals(100, limits.get("timeoutMs").asLong());
    }
}
