package io.github.mqjssandbox.examples.rules;

import java.util.List;

/**
 * What a rule's {@code price(order)} must return. The sandbox maps the script's object onto it
 * strictly: a missing number, a string for a number or an unknown property is an error, never
 * a silent zero.
 */
public record Price(double total, double discount, List<String> reasons) {}
