package io.github.mqjssandbox.examples.rules;

import java.util.Map;

/** The host's data, which rules may read one customer at a time and never change. */
public final class CustomerDirectory {
    private final Map<String, Customer> customers;

    public CustomerDirectory(Map<String, Customer> customers) {
        this.customers = Map.copyOf(customers);
    }

    /** The customer, or null for an unknown id (the script gets null). */
    public Customer lookup(String customerId) {
        return customerId == null ? null : customers.get(customerId);
    }

    /** VAT rates by country; the rule gets null for a country we do not sell to. */
    public Double vatRate(String country) {
        return switch (country == null ? "" : country) {
            case "CH" -> 0.081;
            case "DE" -> 0.19;
            case "FR" -> 0.20;
            default -> null;
        };
    }
}
