package io.github.mqjssandbox.examples.rules;

import io.github.mqjssandbox.SandboxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Two tenants price the same orders with their own rules; a third tenant's rule is broken. */
public final class RulesDemo {
    private RulesDemo() {}

    static final CustomerDirectory DIRECTORY = new CustomerDirectory(Map.of(
            "c-1", new Customer("c-1", "Ada", Customer.Tier.GOLD, 6, "CH"),
            "c-2", new Customer("c-2", "Bo", Customer.Tier.STANDARD, 1, "DE")));

    static final List<Order> ORDERS = List.of(
            new Order("c-1", List.of(new Order.Line("tea", 3, 12.0), new Order.Line("pot", 1, 40.0))),
            new Order("c-2", List.of(new Order.Line("tea", 10, 12.0))));

    public static void main(String[] args) {
        for (String tenant : List.of("acme", "globex", "broken")) {
            try (PricingRules rules = new PricingRules(rule(tenant), DIRECTORY)) {
                for (Order order : ORDERS) {
                    System.out.println(tenant + " " + order.customerId() + ": " + describe(rules, order));
                }
            }
        }
    }

    private static String describe(PricingRules rules, Order order) {
        try {
            Price price = rules.price(order);
            return String.format(Locale.ROOT, "total %.2f, discount %.2f %s", price.total(), price.discount(), price.reasons());
        } catch (SandboxException e) {
            return "refused (" + e.kind().label() + "): " + e.getMessage();
        }
    }

    /** A tenant's rule source; in a service it would come from the tenant's configuration. */
    static String rule(String tenant) {
        try (InputStream in = RulesDemo.class.getResourceAsStream("/rules/" + tenant + ".js")) {
            if (in == null) {
                throw new IllegalArgumentException("no rule for tenant " + tenant);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
