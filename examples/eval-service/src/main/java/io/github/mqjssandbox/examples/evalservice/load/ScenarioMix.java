package io.github.mqjssandbox.examples.evalservice.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The requests of a load run: ordinary scripts, failing ones and abusive ones, in fixed
 * proportions. Request {@code i} always gets the same scenario, so two runs send the same thing.
 */
public final class ScenarioMix {
    private final List<Scenario> scenarios;
    /** 100 (or the total weight) slots, each naming a scenario, in a fixed shuffled order. */
    private final List<Scenario> order;

    private ScenarioMix(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
        List<Scenario> slots = new ArrayList<>();
        for (Scenario s : scenarios) {
            for (int i = 0; i < s.weight(); i++) {
                slots.add(s);
            }
        }
        Collections.shuffle(slots, new Random(20_261_201L));
        this.order = List.copyOf(slots);
    }

    public Scenario pick(long requestIndex) {
        return order.get((int) (requestIndex % order.size()));
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** Weights sum to 100: half ordinary, a fifth failing, the rest abusive. */
    public static ScenarioMix standard() {
        List<Scenario> s = new ArrayList<>();
        // ordinary
        s.add(script("arithmetic", 10, "1 + 2", null, "ok"));
        s.add(script("array-map-reduce", 8,
                "[1, 2, 3, 4, 5].map(function (x) { return x * x; }).reduce(function (a, b) { return a + b; }, 0)", null, "ok"));
        s.add(script("json-round-trip", 8,
                "var o = {name: 'ada', tags: ['a', 'b'], n: 42}; JSON.parse(JSON.stringify(o)).tags.length", null, "ok"));
        s.add(script("fib-15", 8, "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(15)", null, "ok"));
        s.add(script("console-output", 8, "for (var i = 0; i < 5; i++) console.log('line', i); 'done'", null, "ok"));
        s.add(script("string-building", 8,
                "var s = ''; for (var i = 0; i < 200; i++) s += String.fromCharCode(97 + i % 26); s.toUpperCase().length", null, "ok"));
        // failing
        s.add(script("syntax-error", 6, "function (", null, "syntax"));
        s.add(script("type-error", 6, "null.x", null, "runtime"));
        s.add(script("thrown-error", 4, "throw new RangeError('out of range')", null, "runtime"));
        s.add(script("thrown-value", 2, "throw 42", null, "runtime"));
        // abusive
        s.add(script("infinite-loop", 6, "for (;;) {}", limits().put("timeoutMs", 50), "timeout"));
        s.add(script("fuel-burner", 4, "while (true) {}", limits().put("fuel", 1_000_000), "fuel"));
        s.add(script("string-bomb", 4, "var s = 'x'; for (;;) s = s + s;", null, "memory"));
        s.add(script("array-bomb", 2, "var a = new Array(1e9); a[1e9 - 1] = 1; a.length",
                limits().put("memoryLimitBytes", 1 << 20), "memory"));
        s.add(script("output-flood", 4, "for (;;) print('flood flood flood flood flood flood flood');",
                limits().put("maxOutputBytes", 4096), "output"));
        s.add(script("deep-recursion", 4, "function f(n) { return f(n + 1) + 1; } f(0)",
                limits().put("memoryLimitBytes", 256 << 10).put("timeoutMs", 2_000), "memory"));
        s.add(script("greedy-limits", 4, "1 + 1", limits()
                .put("memoryLimitBytes", new BigInteger("1000000000000000000000000000000"))
                .put("timeoutMs", 1_000_000_000_000L).put("fuel", Long.MAX_VALUE).put("maxOutputBytes", 1L << 40), "ok"));
        s.add(new Scenario("malformed-json", 2, "{\"code\": \"1 + ", Set.of("http400")));
        return new ScenarioMix(s);
    }

    private static ObjectNode limits() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static Scenario script(String name, int weight, String code, ObjectNode limits, String expected) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code);
        if (limits != null) {
            body.set("limits", limits);
        }
        return new Scenario(name, weight, body.toString(), Set.of(expected));
    }
}
