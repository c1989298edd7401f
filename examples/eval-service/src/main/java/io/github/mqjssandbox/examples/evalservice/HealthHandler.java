package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code GET /health}: 200 while the server answers; cheap (it evaluates nothing). */
final class HealthHandler implements HttpHandler {
    private final SandboxPools pools;
    private final ServiceMetrics metrics;

    HealthHandler(SandboxPools pools, ServiceMetrics metrics) {
        this.pools = pools;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Exchanges.requireMethod(exchange, "GET")) {
            return;
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("status", "ok");
        json.put("uptimeMs", metrics.uptimeMillis());
        json.put("freeSlots", pools.freeSlots());
        Exchanges.sendJson(exchange, 200, json);
    }
}
