package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.github.mqjssandbox.TypedFixtures.Account;
import io.github.mqjssandbox.TypedFixtures.Canary;
import io.github.mqjssandbox.TypedFixtures.Customer;
import io.github.mqjssandbox.TypedFixtures.Envelope;
import io.github.mqjssandbox.TypedFixtures.Link;
import io.github.mqjssandbox.TypedFixtures.Order;
import io.github.mqjssandbox.TypedFixtures.OrderLine;
import io.github.mqjssandbox.TypedFixtures.Payload;
import io.github.mqjssandbox.TypedFixtures.Percentage;
import io.github.mqjssandbox.TypedFixtures.Positive;
import io.github.mqjssandbox.TypedFixtures.PublicProfile;
import io.github.mqjssandbox.TypedFixtures.FullProfile;
import io.github.mqjssandbox.TypedFixtures.Quote;
import io.github.mqjssandbox.TypedFixtures.Reading;
import io.github.mqjssandbox.TypedFixtures.Tier;
import io.github.mqjssandbox.internal.JsonTrees;
import io.github.mqjssandbox.internal.MappingFailure;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Host functions with Java types on both sides: {@code hostFunction(name, argumentType, resultType, function)}. */
class TypedHostFunctionsTest {
    private static final Customer ADA = new Customer("c1", "Ada", Tier.GOLD, 2500.5, List.of("vip", "early"));

    private static Sandbox open(java.util.function.Consumer<SandboxConfig.Builder> settings) {
        return TestSandboxes.open(Engine.AOT, settings);
    }

    /** What a script's {@code try { code } catch (e) { e.message }} caught. */
    private static String caught(Sandbox sandbox, String code) {
        return sandbox.eval("(function () { try { " + code + "; return 'no error'; } catch (e) { return e.message; } })()")
                .display();
    }

    /** Messages for scripts name Java types by their simple names only. */
    private static void assertNoJavaDetail(String message) {
        for (String detail : List.of("io.github", "com.fasterxml", "java.", "TypedFixtures", "Source:", "Exception")) {
            assertFalse(message.contains(detail), "'" + detail + "' in: " + message);
        }
    }

    @Test
    void recordsTravelInAndOut() {
        List<Order> received = new ArrayList<>();
        try (Sandbox sandbox = open(b -> b
                .hostFunction("lookup", String.class, Customer.class, id -> id.equals("c1") ? ADA : null)
                .hostFunction("price", Order.class, Quote.class, order -> {
                    received.add(order);
                    return new Quote(order.lines().stream().mapToInt(OrderLine::quantity).sum() * 9.5, "EUR");
                }))) {
            assertEquals("Ada GOLD 2500.5 vip+early", sandbox.eval(
                    "var c = lookup('c1'); [c.name, c.tier, c.creditLimit, c.tags.join('+')].join(' ')").display());
            assertEquals("true", sandbox.eval("lookup('nobody') === null").display());
            assertEquals("28.5 EUR", sandbox.eval("var q = price({customerId: 'c1', lines: "
                    + "[{sku: 'a', quantity: 2}, {sku: 'b', quantity: 1}]}); q.total + ' ' + q.currency").display());
            assertEquals(List.of(new Order("c1", List.of(new OrderLine("a", 2), new OrderLine("b", 1)))), received);
        }
    }

    @Test
    void beansTravelInAndOut() {
        try (Sandbox sandbox = open(b -> b.hostFunction("deposit", Account.class, Account.class,
                account -> new Account(account.getOwner(), account.getBalance() + 100)))) {
            assertEquals("Bob:105", sandbox.eval("var a = deposit({owner: 'Bob', balance: 5}); a.owner + ':' + a.balance")
                    .display());
        }
    }

    @Test
    void listsMapsArraysAndJsonNodes() throws Exception {
        try (Sandbox sandbox = open(b -> b
                .hostFunction("sum", List.class, Double.class,
                        xs -> ((List<?>) xs).stream().mapToDouble(x -> ((Number) x).doubleValue()).sum())
                .hostFunction("keys", Map.class, List.class, map -> new ArrayList<>(new TreeSet<>(((Map<?, ?>) map).keySet())))
                .hostFunction("skus", OrderLine[].class, String.class,
                        lines -> Arrays.stream(lines).map(OrderLine::sku).collect(Collectors.joining(",")))
                .hostFunction("echo", JsonNode.class, JsonNode.class, node -> node))) {
            assertEquals(DoubleNode.valueOf(6.5), sandbox.eval("sum([1, 2.5, 3])").value());
            assertEquals("a,b", sandbox.eval("keys({b: 1, a: {x: 2}}).join()").display());
            assertEquals("x,y", sandbox.eval("skus([{sku: 'x', quantity: 1}, {sku: 'y', quantity: 2}])").display());
            assertEquals(JsonTrees.parse("{\"a\":[1,\"two\",null]}"), sandbox.eval("echo({a: [1, 'two', null]})").value());
        }
    }

    @Test
    void noArgumentUndefinedAndNullAllMapAsNull() {
        List<String> received = new ArrayList<>();
        try (Sandbox sandbox = open(b -> b
                .hostFunction("greet", String.class, String.class, name -> {
                    received.add(name);
                    return name == null ? "hello, stranger" : "hello, " + name;
                })
                .hostFunction("twice", int.class, Integer.class, n -> n * 2)
                .hostFunction("now", Void.class, Long.class, none -> 42L)
                .hostFunction("log", String.class, Void.class, line -> {
                    received.add("log " + line);
                    return null;
                }))) {
            assertEquals("hello, stranger|hello, stranger|hello, stranger|hello, Ada",
                    sandbox.eval("[greet(), greet(undefined), greet(null), greet('Ada')].join('|')").display());
            assertEquals(IntNode.valueOf(42), sandbox.eval("twice(21)").value());
            assertEquals("host function 'twice': its argument does not map to int (at $: expected int, got null)",
                    caught(sandbox, "twice()"), "a primitive has no null");
            assertEquals(IntNode.valueOf(42), sandbox.eval("now()").value());
            assertEquals("host function 'now' takes no argument, got 1", caught(sandbox, "now(1)"));
            assertEquals("undefined", sandbox.eval("typeof log('x')").display(), "a Void result is undefined");
            assertEquals(Arrays.asList(null, null, null, "Ada", "log x"), received);
        }
    }

    @Test
    void moreThanOneArgumentIsRefusedBeforeTheFunctionRuns() {
        AtomicInteger calls = new AtomicInteger();
        try (Sandbox sandbox = open(b -> b.hostFunction("lookup", String.class, Customer.class, id -> {
            calls.incrementAndGet();
            return ADA;
        }))) {
            assertEquals("Error: host function 'lookup' takes one argument (String), got 2", sandbox.eval(
                    "try { lookup('c1', 'c2'); } catch (e) { e.name + ': ' + e.message }").display());
            assertEquals("host function 'lookup' takes one argument (String), got 2", caught(sandbox, "lookup('c1', undefined)"),
                    "a trailing undefined is still an argument");
            assertEquals(0, calls.get());
        }
    }

    @Test
    void anArgumentOfTheWrongShapeIsTheScriptsErrorAndTheSandboxCarriesOn() {
        AtomicInteger calls = new AtomicInteger();
        try (Sandbox sandbox = open(b -> b.hostFunction("price", Order.class, Quote.class, order -> {
            calls.incrementAndGet();
            return new Quote(1, "EUR");
        }))) {
            sandbox.eval("var kept = 'still here'; var failures = 0;");
            Map<String, String> expected = Map.of(
                    "{customerId: 'c1', lines: [{sku: 'a', quantity: 'two'}]}", "at $.lines[0].quantity: expected int, got \"two\"",
                    "{customerId: 'c1', lines: [{sku: 'a', quantity: 1}, {sku: 'b', quantity: 1.5}]}",
                    "at $.lines[1].quantity: expected int, got 1.5",
                    "{customerId: 'c1', lines: [{sku: 'a', quantity: null}]}", "at $.lines[0].quantity: expected int, got null",
                    "{customerId: 'c1', lines: [{sku: 'a'}]}", "at $.lines[0].quantity: expected int, got nothing",
                    "{customerId: 'c1', lines: [], discount: 5}", "at $.discount: Order has no such property",
                    "{customerId: 'c1', lines: {}}", "at $.lines: expected List, got an object",
                    "'c1'", "at $: expected Order, got \"c1\"",
                    "{customerId: 5, lines: []}", "at $.customerId: expected String, got 5",
                    "{customerId: 'c1', lines: [], 'odd key': 1}", "at $[\"odd key\"]: Order has no such property");
            for (Map.Entry<String, String> shape : expected.entrySet()) {
                String message = caught(sandbox, "failures++; price(" + shape.getKey() + ")");
                assertEquals("host function 'price': its argument does not map to Order (" + shape.getValue() + ")",
                        message, shape.getKey());
                assertNoJavaDetail(message);
            }
            HostFunctionException uncaught = assertThrows(HostFunctionException.class, () -> sandbox.eval("\n price([]);"));
            assertEquals(ErrorKind.HOST, uncaught.kind());
            assertEquals("price", uncaught.functionName());
            assertEquals("host function 'price': its argument does not map to Order (at $: expected Order, got an array)",
                    uncaught.jsMessage());
            assertEquals(2, uncaught.line().getAsInt());
            assertInstanceOf(HostFunctionError.class, uncaught.getCause());
            assertEquals(0, calls.get(), "the function never ran");
            assertEquals("still here 9", sandbox.eval("kept + ' ' + failures").display(), "globals survive");
            assertEquals("1 EUR", sandbox.eval("var q = price({customerId: 'c1', lines: []}); q.total + ' ' + q.currency")
                    .display());
        }
    }

    @Test
    void aFunctionThatThrowsFollowsTheHostFunctionRules() {
        IOException hidden = new IOException("database at 10.0.0.7 is down");
        try (Sandbox sandbox = open(b -> b
                .hostFunction("refuse", String.class, Quote.class, id -> {
                    throw new HostFunctionError("no credit for " + id);
                })
                .hostFunction("explode", String.class, Quote.class, id -> {
                    throw hidden;
                }))) {
            assertEquals("no credit for c1", caught(sandbox, "refuse('c1')"));
            assertEquals("host function 'explode' failed", caught(sandbox, "explode('c1')"));
            HostFunctionException e = assertThrows(HostFunctionException.class, () -> sandbox.eval("explode('c1')"));
            assertSame(hidden, e.getCause(), "the Java side keeps the real cause");
        }
    }

    @Test
    void aConstructorsRefusalIsShownOnlyWhenItIsAHostFunctionError() {
        try (Sandbox sandbox = open(b -> b
                .hostFunction("discount", Percentage.class, Double.class, p -> p.value() / 100)
                .hostFunction("positive", Positive.class, Integer.class, Positive::value))) {
            assertEquals(DoubleNode.valueOf(0.25), sandbox.eval("discount({value: 25})").value());
            assertEquals("host function 'discount': its argument does not map to Percentage "
                    + "(at $: refused by Percentage: a percentage is between 0 and 100)", caught(sandbox, "discount({value: 150})"));
            String message = caught(sandbox, "positive({value: -1})");
            assertEquals("host function 'positive': its argument does not map to Positive (at $: refused by Positive)", message);
            assertNoJavaDetail(message);
        }
    }

    @Test
    void theDeclaredResultTypeDecidesWhatTheScriptSees() {
        try (Sandbox sandbox = open(b -> b.hostFunction("profile", String.class, PublicProfile.class, id -> new FullProfile()))) {
            assertEquals("{\"name\":\"Ada\"}", sandbox.eval("JSON.stringify(profile('c1'))").display());
        }
    }

    @Test
    void aResultThatIsNotJsonIsTheHostsErrorAndTheScriptLearnsOnlyThat() {
        try (Sandbox sandbox = open(b -> b
                .hostFunction("nan", String.class, Reading.class, id -> new Reading(Double.NaN))
                .hostFunction("cycle", String.class, Link.class, id -> Link.cycle())
                .hostFunction("when", String.class, Instant.class, id -> Instant.EPOCH))) {
            for (String name : List.of("nan", "cycle", "when")) {
                assertEquals("host function '" + name + "' returned a value that is not JSON", caught(sandbox, name + "('x')"));
            }
            Map<String, String> causes = Map.of(
                    "nan", "a number is NaN or infinite, which JSON cannot hold",
                    "cycle", "nests deeper than 1000 levels (a cyclic object graph?)",
                    "when", "at $: type Instant cannot be written as JSON");
            for (Map.Entry<String, String> expected : causes.entrySet()) {
                HostFunctionException e = assertThrows(HostFunctionException.class,
                        () -> sandbox.eval(expected.getKey() + "('x')"));
                MappingFailure failure = assertInstanceOf(MappingFailure.class, e.getCause().getCause());
                assertEquals(expected.getValue(), failure.getMessage(), expected.getKey());
            }
            assertEquals("2", sandbox.eval("1 + 1").display());
        }
    }

    @Test
    void payloadSizeAndNestingDepthStayBounded() {
        try (Sandbox sandbox = open(b -> b
                .maxHostPayloadBytes(4096)
                .hostFunction("count", List.class, Integer.class, xs -> ((List<?>) xs).size())
                .hostFunction("deep", Integer.class, List.class, TypedFixtures::nestedLists)
                .hostFunction("text", Integer.class, String.class, n -> "x".repeat(n)))) {
            assertEquals("host function 'count': arguments exceed 4096 bytes",
                    caught(sandbox, "count([new Array(5000).join('x')])"));
            // the argument list wraps the argument: 1000 levels in all is the most that is read
            assertEquals("host function 'count': arguments nest deeper than 1000 levels",
                    caught(sandbox, "count(" + TypedFixtures.nestedArrays(1000) + ")"));
            assertEquals(IntNode.valueOf(1), sandbox.eval("count(" + TypedFixtures.nestedArrays(999) + ")").value());
            assertEquals("host function 'deep' returned a value that is not JSON", caught(sandbox, "deep(1001)"));
            assertEquals(IntNode.valueOf(1000), sandbox.eval(
                    "var d = deep(1000), n = 1; while (d.length) { d = d[0]; n++; } n").value());
            assertEquals("host function 'text': result exceeds 4096 bytes", caught(sandbox, "text(5000)"));
            assertEquals(IntNode.valueOf(4000), sandbox.eval("text(4000).length").value());
        }
    }

    @Test
    void aScriptCannotChooseAJavaClassThroughClassNameTypeIds() {
        AtomicInteger calls = new AtomicInteger();
        int canariesBefore = Canary.MADE.get();
        try (Sandbox sandbox = open(b -> b
                .hostFunction("store", Payload.class, String.class, payload -> {
                    calls.incrementAndGet();
                    return "stored";
                })
                .hostFunction("send", Envelope.class, String.class, envelope -> {
                    calls.incrementAndGet();
                    return "sent";
                }))) {
            String file = "{'@class': 'java.io.File', path: '/etc/passwd'}";
            String canary = "{'@class': '" + Canary.class.getName() + "', note: 'x'}";
            for (String payload : List.of(file, canary, "['java.io.File', '/etc/passwd']", "{note: 'x'}")) {
                String message = caught(sandbox, "store(" + payload + ")");
                assertEquals("host function 'store': its argument does not map to Payload "
                        + "(at $: type Payload cannot be mapped from JSON)", message, payload);
                assertNoJavaDetail(message);
            }
            String message = caught(sandbox, "send({kind: 'k', body: " + file + "})");
            assertTrue(message.startsWith("host function 'send': its argument does not map to Envelope ("), message);
            assertTrue(message.endsWith("type Object cannot be mapped from JSON)"), message);
            assertNoJavaDetail(message);
            // on the Java side: it is the polymorphic type validator that refused
            HostFunctionException e = assertThrows(HostFunctionException.class, () -> sandbox.eval("store(" + canary + ")"));
            InvalidDefinitionException refusal = assertInstanceOf(InvalidDefinitionException.class,
                    e.getCause().getCause().getCause());
            assertTrue(refusal.getOriginalMessage().contains("PolymorphicTypeValidator"), refusal.getOriginalMessage());
        }
        assertEquals(0, calls.get());
        assertEquals(canariesBefore, Canary.MADE.get(), "no instance was made");
    }

    @Test
    void typedFunctionsSurviveReset() {
        try (Sandbox sandbox = open(b -> b.hostFunction("lookup", String.class, Customer.class, id -> ADA))) {
            sandbox.eval("var x = 1");
            sandbox.reset();
            assertEquals("Ada undefined", sandbox.eval("lookup('c1').name + ' ' + typeof x").display());
        }
    }

    @Test
    void registrationChecksItsArguments() {
        SandboxConfig.Builder builder = SandboxConfig.builder();
        assertThrows(IllegalArgumentException.class,
                () -> builder.hostFunction("not a name", String.class, String.class, s -> s));
        assertThrows(NullPointerException.class, () -> builder.hostFunction("f", (Class<String>) null, String.class, s -> s));
        assertThrows(NullPointerException.class, () -> builder.hostFunction("f", String.class, null, s -> s));
        assertThrows(NullPointerException.class,
                () -> builder.hostFunction("f", String.class, String.class, (TypedHostFunction<String, String>) null));
        assertEquals(List.of("f"), List.copyOf(builder.hostFunction("f", String.class, String.class, s -> s)
                .build().hostFunctions().keySet()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void typedHostFunctionsInEveryEngine(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine, b -> b
                .hostFunction("lookup", String.class, Customer.class, id -> ADA))) {
            assertEquals("Ada 2", sandbox.eval("var c = lookup('c1'); c.name + ' ' + c.tags.length").display());
            assertEquals("host function 'lookup' takes one argument (String), got 2", caught(sandbox, "lookup(1, 2)"));
            assertEquals("host function 'lookup': its argument does not map to String (at $: expected String, got an object)",
                    caught(sandbox, "lookup({})"));
            assertNull(sandbox.eval("void lookup('c1')").value());
        }
    }
}
