package io.github.mqjssandbox.examples.evalservice.load;

import java.util.Set;

/**
 * One kind of request in the load mix: its {@code POST /eval} body, how often it comes, and
 * the outcomes it may have (an error kind, {@code ok}, or {@code http400} and the like).
 */
public record Scenario(String name, int weight, String body, Set<String> expected) {

    public Scenario {
        expected = Set.copyOf(expected);
    }
}
