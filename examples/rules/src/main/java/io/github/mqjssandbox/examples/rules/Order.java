package io.github.mqjssandbox.examples.rules;

import java.util.List;

/** An order to price, as the rule's {@code price(order)} receives it. */
public record Order(String customerId, List<Line> lines) {
    public record Line(String sku, int quantity, double unitPrice) {}
}
