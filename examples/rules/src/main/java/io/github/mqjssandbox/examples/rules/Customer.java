package io.github.mqjssandbox.examples.rules;

/** What {@code lookup(customerId)} gives a tenant's rule. */
public record Customer(String id, String name, Tier tier, int yearsAsCustomer, String country) {
    public enum Tier { STANDARD, SILVER, GOLD }
}
