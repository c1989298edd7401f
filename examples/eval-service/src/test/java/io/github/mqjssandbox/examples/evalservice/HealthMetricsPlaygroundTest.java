package io.github.mqjssandbox.examples.evalservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthMetricsPlaygroundTest {
    private static EvalServer server;
    private static ServiceClient client;

    @BeforeAll
    static void start() throws Exception {
        server = EvalServer.start(ServiceSettings.builder().port(0).concurrency(3).build());
        client = new ServiceClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthIsOkWithTheFreeSlots() throws Exception {
        ServiceClient.Reply reply = client.get("/health");
        assertEquals(200, reply.status());
        assertEquals("ok", reply.json().get("status").asText());
        assertEquals(3, reply.json().get("freeSlots").asInt());
        assertEquals(405, client.post("/health", "").status());
    }

    @Test
    void metricsCountOutcomesAndReportPoolsLatencyLimitsAndHeap() throws Exception {
        client.eval("1 + 1");
        client.eval("null.x");
        client.eval("for (;;) {}", ServiceClient.limits().put("timeoutMs", 20));
        client.post("/eval", "not json");
        JsonNode metrics = client.get("/metrics").json();
        JsonNode byOutcome = metrics.get("eval").get("byOutcome");
        assertTrue(byOutcome.get("ok").asLong() >= 1);
        assertTrue(byOutcome.get("runtime").asLong() >= 1);
        assertTrue(byOutcome.get("timeout").asLong() >= 1);
        assertTrue(byOutcome.get("badRequest").asLong() >= 1);
        assertEquals(0, byOutcome.get("serverError").asLong());
        assertTrue(metrics.get("eval").get("total").asLong() >= 4);
        JsonNode latency = metrics.get("eval").get("latencyMs");
        assertTrue(latency.get("samples").asLong() >= 4);
        assertTrue(latency.get("p50").asDouble() > 0);
        assertTrue(latency.get("p99").asDouble() >= latency.get("p50").asDouble());
        JsonNode sandboxes = metrics.get("sandboxes");
        assertTrue(sandboxes.get("pools").asInt() >= 2, "the default limits and the 20 ms timeout");
        assertTrue(sandboxes.get("created").asLong() >= 2);
        assertEquals(3, sandboxes.get("slots").get("size").asInt());
        assertEquals(0, sandboxes.get("borrowed").asLong());
        assertEquals(32 << 20, metrics.get("limits").get("maxima").get("memoryLimitBytes").asLong());
        assertTrue(metrics.get("jvm").get("heapUsedBytes").asLong() > 0);
    }

    @Test
    void thePlaygroundIsOneSelfContainedPage() throws Exception {
        ServiceClient.Reply reply = client.get("/");
        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("text/html"));
        assertTrue(reply.header("Content-Security-Policy").startsWith("default-src 'none'"));
        String page = reply.response().body();
        assertTrue(page.contains("id=\"run\""));
        assertTrue(page.contains("fetch(\"eval\""));
        for (String external : new String[] {"http://", "https://", "src=\"//"}) {
            assertTrue(!page.contains(external), "the page refers to " + external);
        }
    }
}
