package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import io.github.mqjssandbox.TypedFixtures.Account;
import io.github.mqjssandbox.TypedFixtures.Canary;
import io.github.mqjssandbox.TypedFixtures.Link;
import io.github.mqjssandbox.TypedFixtures.Order;
import io.github.mqjssandbox.TypedFixtures.OrderLine;
import io.github.mqjssandbox.TypedFixtures.Payload;
import io.github.mqjssandbox.TypedFixtures.Quote;
import io.github.mqjssandbox.TypedFixtures.Reading;
import io.github.mqjssandbox.internal.JsonTrees;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Results as Java types: {@code eval(code, type)}, {@code call(name, type, args...)} and {@code EvalResult.as(type)}. */
class TypedResultsTest {

    private static Sandbox open() {
        return TestSandboxes.open(Engine.AOT);
    }

    @Test
    void resultsMapToRecordsBeansCollectionsAndScalars() throws Exception {
        try (Sandbox sandbox = open()) {
            assertEquals(new Quote(28.5, "EUR"), sandbox.eval("({total: 28.5, currency: 'EUR'})", Quote.class));
            Account account = sandbox.eval("({owner: 'Bob', balance: 7})", Account.class);
            assertEquals("Bob 7", account.getOwner() + " " + account.getBalance());
            assertEquals(Arrays.asList(1, "two", null, Map.of("a", true)), sandbox.eval("[1, 'two', null, {a: true}]", List.class));
            assertEquals(Map.of("a", 1, "b", List.of(2)), sandbox.eval("({a: 1, b: [2]})", Map.class));
            assertArrayEquals(new int[] {1, 2, 3}, sandbox.eval("[1, 2, 3]", int[].class));
            assertArrayEquals(new OrderLine[] {new OrderLine("a", 1)}, sandbox.eval("[{sku: 'a', quantity: 1}]", OrderLine[].class));
            assertEquals("x1", sandbox.eval("'x' + 1", String.class));
            assertEquals(42, sandbox.eval("6 * 7", Integer.class));
            assertEquals(1099511627776L, sandbox.eval("Math.pow(2, 40)", Long.class));
            assertEquals(0.5, sandbox.eval("1 / 2", Double.class));
            assertEquals(true, sandbox.eval("1 < 2", Boolean.class));
            assertEquals(JsonTrees.parse("{\"a\":[1]}"), sandbox.eval("({a: [1]})", JsonNode.class));
        }
    }

    @Test
    void aValueWithoutJsonFormMapsAsNull() {
        try (Sandbox sandbox = open()) {
            assertNull(sandbox.eval("undefined", String.class));
            assertNull(sandbox.eval("(function () {})", Quote.class));
            assertNull(sandbox.eval("null", Quote.class));
            ResultMappingException e = assertThrows(ResultMappingException.class, () -> sandbox.eval("undefined", int.class));
            assertEquals("the result does not map to int (at $: expected int, got null)", e.getMessage());
        }
    }

    @Test
    void asKeepsTheRestOfTheResult() {
        try (Sandbox sandbox = open()) {
            EvalResult result = sandbox.eval("print('priced'); ({total: 3, currency: 'CHF'})");
            assertEquals(new Quote(3, "CHF"), result.as(Quote.class));
            assertEquals("priced\n", result.output());
            assertEquals(Map.of("total", 3, "currency", "CHF"), result.as(Map.class), "as() can be asked again, as another type");
        }
    }

    @Test
    void callPassesJavaValuesAsJsonAndMapsTheResult() throws Exception {
        try (Sandbox sandbox = open()) {
            sandbox.eval("function total(order, rate) { var n = 0; order.lines.forEach(function (l) { n += l.quantity; });"
                    + " return {total: n * rate, currency: 'EUR'}; }");
            Order order = new Order("c1", List.of(new OrderLine("a", 2), new OrderLine("b", 3)));
            assertEquals(new Quote(7.5, "EUR"), sandbox.call("total", Quote.class, order, 1.5));
            sandbox.eval("function describe(a, b, c, d) { return [a === null, b.length, c.k, d.x].join(); }");
            assertEquals("true,2,v,5", sandbox.call("describe", String.class, null, List.of(1, 2), Map.of("k", "v"),
                    JsonTrees.parse("{\"x\":5}")));
            sandbox.eval("function answer() { return 42; }");
            assertEquals(42, sandbox.call("answer", Integer.class));
        }
    }

    @Test
    void aResultThatDoesNotMapIsAResultMappingExceptionAndTheSandboxCarriesOn() {
        try (Sandbox sandbox = open()) {
            sandbox.eval("var state = 'kept'");
            ResultMappingException e = assertThrows(ResultMappingException.class,
                    () -> sandbox.eval("print('before'); ({total: 'lots', currency: 'EUR'})", Quote.class));
            assertEquals(ErrorKind.MAPPING, e.kind());
            assertEquals(Quote.class, e.expectedType());
            assertEquals("$.total", e.path());
            assertEquals("the result does not map to Quote (at $.total: expected double, got \"lots\")", e.getMessage());
            assertEquals("before\n", e.output());
            assertInstanceOf(JsonMappingException.class, e.getCause(), "Jackson's detail stays available");

            ResultMappingException nested = assertThrows(ResultMappingException.class, () -> sandbox.eval(
                    "({customerId: 'c', lines: [{sku: 'a', quantity: 1}, {sku: 'b', quantity: 2.5}]})", Order.class));
            assertEquals("$.lines[1].quantity", nested.path());
            assertEquals("the result does not map to Order (at $.lines[1].quantity: expected int, got 2.5)", nested.getMessage());

            assertEquals("the result does not map to Quote (at $.tax: Quote has no such property)", assertThrows(
                    ResultMappingException.class, () -> sandbox.eval("({total: 1, currency: 'EUR', tax: 2})", Quote.class))
                    .getMessage());
            sandbox.eval("function price() { return {total: '12', currency: 'EUR'}; }");
            assertEquals("$.total", assertThrows(ResultMappingException.class,
                    () -> sandbox.call("price", Quote.class)).path(), "no coercion of strings to numbers");
            assertEquals("kept", sandbox.eval("state").display());
        }
    }

    @Test
    void aResultTooDeepToReadIsAResultMappingException() {
        try (Sandbox sandbox = open()) {
            List<?> deepest = sandbox.eval(TypedFixtures.nestedArrays(1000), List.class);
            int depth = 1;
            for (List<?> level = deepest; !level.isEmpty(); level = (List<?>) level.get(0)) {
                depth++;
            }
            assertEquals(1000, depth);
            ResultMappingException e = assertThrows(ResultMappingException.class,
                    () -> sandbox.eval(TypedFixtures.nestedArrays(1001), List.class));
            assertEquals("$", e.path());
            assertEquals("the result does not map to List (at $: nests deeper than 1000 levels)", e.getMessage());
        }
    }

    @Test
    void callArgumentsThatAreNotJsonAreRefusedBeforeTheCall() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.maxSourceBytes(1000))) {
            sandbox.eval("var calls = 0; function f() { calls++; return 'called'; }");
            Map<Object, String> refused = Map.of(
                    new Reading(Double.NaN), "a number is NaN or infinite, which JSON cannot hold",
                    Link.cycle(), "nests deeper than 1000 levels (a cyclic object graph?)",
                    Instant.EPOCH, "at $: type Instant cannot be written as JSON");
            for (Map.Entry<Object, String> argument : refused.entrySet()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> sandbox.call("f", String.class, "fine", argument.getKey()));
                assertEquals("call argument 2 cannot be written as JSON (" + argument.getValue() + ")", e.getMessage());
            }
            IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
                    () -> sandbox.call("f", String.class, "x".repeat(1000)));
            assertTrue(tooLarge.getMessage().startsWith("call arguments is 1004 bytes, over the limit"), tooLarge.getMessage());
            assertEquals("0", sandbox.eval("calls").display());
            assertEquals("called", sandbox.call("f", String.class, "x".repeat(900)));
        }
    }

    @Test
    void aResultCannotChooseAJavaClassThroughClassNameTypeIds() {
        int canariesBefore = Canary.MADE.get();
        try (Sandbox sandbox = open()) {
            for (String json : List.of("{'@class': 'java.io.File', path: '/etc/passwd'}",
                    "{'@class': '" + Canary.class.getName() + "', note: 'x'}")) {
                ResultMappingException e = assertThrows(ResultMappingException.class,
                        () -> sandbox.eval("(" + json + ")", Payload.class));
                assertEquals("the result does not map to Payload (at $: type Payload cannot be mapped from JSON)", e.getMessage());
                assertInstanceOf(InvalidDefinitionException.class, e.getCause());
            }
        }
        assertEquals(canariesBefore, Canary.MADE.get());
    }
}
