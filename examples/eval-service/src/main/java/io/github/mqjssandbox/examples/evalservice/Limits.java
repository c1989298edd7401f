package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mqjssandbox.SandboxConfig;
import java.time.Duration;

/**
 * The four limits one evaluation runs under, as the request names them. Equal limits share a
 * sandbox pool, so this record is also the pool's key.
 */
record Limits(long memoryLimitBytes, long timeoutMs, long fuel, long maxOutputBytes) {

    static final String MEMORY = "memoryLimitBytes";
    static final String TIMEOUT = "timeoutMs";
    static final String FUEL = "fuel";
    static final String OUTPUT = "maxOutputBytes";

    /** The sandbox configuration of a pool for these limits; it validates them too. */
    SandboxConfig toConfig() {
        return SandboxConfig.builder()
                .memoryLimitBytes(memoryLimitBytes)
                .timeout(Duration.ofMillis(timeoutMs))
                .fuelLimit(fuel)
                .maxOutputBytes(maxOutputBytes)
                .build();
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put(MEMORY, memoryLimitBytes);
        json.put(TIMEOUT, timeoutMs);
        json.put(FUEL, fuel);
        json.put(OUTPUT, maxOutputBytes);
        return json;
    }
}
