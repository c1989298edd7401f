package io.github.mqjssandbox.examples.evalservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** With every slot busy past the borrow wait, a request is 503 with Retry-After, and counted as busy. */
class BusyTest {
    @Test
    void aRequestThatFindsNoSlotInTimeIs503WithRetryAfter() throws Exception {
        try (EvalServer server = EvalServer.start(ServiceSettings.builder().port(0)
                .concurrency(1).borrowWait(Duration.ofMillis(50)).build())) {
            ServiceClient client = new ServiceClient(server);
            client.eval("1"); // the pool's sandbox exists: the slow request below starts at once
            CompletableFuture<ServiceClient.Reply> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.eval("for (;;) {}", ServiceClient.limits().put("timeoutMs", 2_000).put("fuel", 10_000_000_000L));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ServiceClient.Reply busy = null;
            for (int attempt = 0; attempt < 100 && busy == null; attempt++) {
                Thread.sleep(20);
                ServiceClient.Reply reply = client.eval("2");
                if (reply.status() == 503) {
                    busy = reply;
                }
            }
            assertTrue(busy != null, "no 503 while the only slot was taken");
            assertEquals("1", busy.header("Retry-After"));
            assertEquals("busy", busy.json().get("requestError").asText());
            String slowKind = slow.get().json().get("error").get("kind").asText();
            assertTrue(slowKind.equals("timeout") || slowKind.equals("fuel"), slowKind); // whichever limit comes first
            assertTrue(client.get("/metrics").json().get("eval").get("byOutcome").get("busy").asLong() >= 1);
        }
    }
}
