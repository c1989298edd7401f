package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * {@code GET /metrics}: request counts by outcome and latency percentiles of {@code /eval}, the
 * sandbox pools, the limits in force and the JVM heap.
 */
final class MetricsHandler implements HttpHandler {
    private final ServiceMetrics metrics;
    private final SandboxPools pools;
    private final LimitPolicy policy;

    MetricsHandler(ServiceMetrics metrics, SandboxPools pools, LimitPolicy policy) {
        this.metrics = metrics;
        this.pools = pools;
        this.policy = policy;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Exchanges.requireMethod(exchange, "GET")) {
            return;
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("uptimeMs", metrics.uptimeMillis());
        json.set("eval", metrics.toJson());
        json.set("sandboxes", pools.metricsJson());
        ObjectNode limits = json.putObject("limits");
        limits.set("defaults", policy.defaults().toJson());
        limits.set("maxima", policy.maxima().toJson());
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        ObjectNode jvm = json.putObject("jvm");
        jvm.put("heapUsedBytes", heap.getUsed());
        jvm.put("heapCommittedBytes", heap.getCommitted());
        jvm.put("heapMaxBytes", heap.getMax());
        Exchanges.sendJson(exchange, 200, json);
    }
}
