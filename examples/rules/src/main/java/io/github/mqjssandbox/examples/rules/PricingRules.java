package io.github.mqjssandbox.examples.rules;

import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import java.time.Duration;

/**
 * One tenant's pricing rule: a JavaScript source that defines {@code price(order)}, run in a
 * sandbox of its own with tight limits. The rule sees the order as JSON and two typed host
 * functions, {@code lookup(customerId)} and {@code vatRate(country)}; it cannot reach anything
 * else of the host.
 *
 * <p>A sandbox serves one thread at a time: {@link #price} is synchronized. A service pricing
 * many orders at once would keep one {@code PricingRules} per thread, or a snapshot of the
 * loaded rule to restore ({@code Sandbox.restore}).
 */
public final class PricingRules implements AutoCloseable {
    private final Sandbox sandbox;

    public PricingRules(String ruleSource, CustomerDirectory directory) {
        SandboxConfig config = SandboxConfig.builder()
                .memoryLimitBytes(4 << 20)
                .timeout(Duration.ofMillis(500))
                .fuelLimit(20_000_000)            // a deterministic budget: an endless rule stops
                .maxOutputBytes(4 << 10)
                .hostFunction("lookup", String.class, Customer.class, directory::lookup)
                .hostFunction("vatRate", String.class, Double.class, directory::vatRate)
                .build();
        this.sandbox = Sandbox.create(config);
        try {
            sandbox.eval(ruleSource, "rule.js"); // defines price(order), once
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /**
     * Prices {@code order} by calling the rule's {@code price(order)}.
     *
     * @throws io.github.mqjssandbox.ResultMappingException if the rule's answer is not a {@link Price}
     * @throws io.github.mqjssandbox.JsException if the rule throws (a host function's refusal included)
     * @throws io.github.mqjssandbox.LimitExceededException if it runs out of time, fuel or memory
     */
    public synchronized Price price(Order order) {
        return sandbox.call("price", Price.class, order);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
