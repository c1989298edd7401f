package io.github.mqjssandbox.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.internal.JsonTrees;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * JSON values cross the host boundary and come back unchanged: host → JS as
 * {@code sandbox.call} arguments, JS → host as host function arguments, host → JS as host
 * function results, and JS → host as the result value. Jackson writes the trees, the
 * engine's {@code JSON.parse} reads them, its {@code JSON.stringify} writes them back.
 *
 * <p>Unchanged means: same structure, same object key order, same strings (every UTF-16
 * code unit, lone surrogates and astral characters included), and for numbers the one
 * normalisation JSON-in-JS implies: a number is read as the nearest double, so
 * <ul>
 *   <li>integers within ±2<sup>53</sup> come back exactly, as the smallest Jackson node that holds them
 *       (an {@code int} node when they fit in 32 bits, else a {@code long} node);</li>
 *   <li>larger integers come back rounded to a double: 2<sup>53</sup>+1 as 2<sup>53</sup>,
 *       {@code Long.MAX_VALUE} as 9223372036854775808 (a BigInteger node), and from 10<sup>21</sup> on in
 *       exponent form, as a double node (1e21);</li>
 *   <li>fractions come back as the same double ({@code 1.10} as 1.1, a {@code float} as the double its
 *       text denotes), integral doubles as integers ({@code 2.0} as 2);</li>
 *   <li>{@code -0.0} comes back as 0 (JSON.stringify(-0) is "0");</li>
 *   <li>a number beyond the double range (1e400) becomes Infinity in JS and comes back as null.</li>
 * </ul>
 * NaN and the infinities are not JSON: a tree holding them is refused before it reaches the engine.
 */
class JsonRoundTripTest {
    private static final JsonNodeFactory NODES = JsonTrees.nodes();
    private static final long SAFE = 1L << 53;

    private static Sandbox sandbox;
    /** What the {@code echo} host function was given last. */
    private static JsonNode received;
    /** What the {@code give} host function returns. */
    private static JsonNode toGive;

    @BeforeContainer
    static void open() {
        sandbox = Sandbox.create(SandboxConfig.builder()
                .timeout(Duration.ofSeconds(20))
                .hostFunction("echo", args -> {
                    received = args;
                    return args.get(0);
                })
                .hostFunction("give", args -> toGive)
                .build());
        sandbox.eval("function id(x) { return x; }"
                + " function all() { return Array.prototype.slice.call(arguments); }"
                + " function viaHost(x) { return echo(x); }"
                + " function fromHost() { return give(); }");
    }

    @AfterContainer
    static void close() {
        sandbox.close();
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void callArgumentsComeBackUnchanged(@ForAll("json") JsonNode value) throws Exception {
        assertRoundTrip(value, sandbox.call("id", value));
    }

    @Property(tries = 300)
    void severalArgumentsComeBackInOrder(@ForAll("json") JsonNode a, @ForAll("json") JsonNode b, @ForAll("json") JsonNode c)
            throws Exception {
        EvalResult r = sandbox.call("all", a, b, c);
        assertRoundTrip(NODES.arrayNode().add(a).add(b).add(c), r);
    }

    @Property(tries = 500)
    void hostFunctionArgumentsAndResultsComeBackUnchanged(@ForAll("json") JsonNode value) throws Exception {
        EvalResult r = sandbox.call("viaHost", value);
        assertRoundTrip(value, r);
        assertNotNull(received);
        assertSameJson(expected(NODES.arrayNode().add(value)), received, "what the host function was given");
    }

    @Property(tries = 500)
    void hostFunctionResultsReachTheScriptUnchanged(@ForAll("json") JsonNode value) throws Exception {
        toGive = value;
        assertRoundTrip(value, sandbox.call("fromHost"));
    }

    private static void assertRoundTrip(JsonNode sent, EvalResult r) throws JsonProcessingException {
        JsonNode back = r.value();
        assertNotNull(back, "a JSON value has a JSON text");
        assertSameJson(expected(sent), back, "sent " + JsonTrees.toText(sent));
        assertIntegersExact(sent, back);
    }

    /** Same structure, key order, strings and (normalised) numbers: Jackson's equals ignores key order. */
    private static void assertSameJson(JsonNode expected, JsonNode actual, String context) throws JsonProcessingException {
        JsonNode normalised = normaliseNumbers(actual);
        assertEquals(expected, normalised, context);
        assertEquals(JsonTrees.toText(expected), JsonTrees.toText(normalised), context + " (key order)");
    }

    /** The value the engine must give back for {@code sent}: each number as the double its text denotes. */
    static JsonNode expected(JsonNode sent) throws JsonProcessingException {
        return normaliseNumbers(sent);
    }

    private static JsonNode normaliseNumbers(JsonNode node) throws JsonProcessingException {
        if (node.isNumber()) {
            double d = Double.parseDouble(JsonTrees.toText(node));
            if (!Double.isFinite(d)) {
                return NODES.nullNode();
            }
            return NODES.numberNode(d == 0 ? 0.0 : d);
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (JsonNode e : node) {
                out.add(normaliseNumbers(e));
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), normaliseNumbers(e.getValue()));
            }
            return out;
        }
        return node;
    }

    /** Integers within ±2^53 come back as the same integer, in the smallest node that holds it. */
    private static void assertIntegersExact(JsonNode sent, JsonNode back) {
        if (sent.isIntegralNumber() && sent.bigIntegerValue().abs().compareTo(BigInteger.valueOf(SAFE)) <= 0) {
            long v = sent.longValue();
            assertTrue(back.isIntegralNumber(), () -> sent + " came back as " + back);
            assertEquals(v, back.longValue());
            assertEquals(v == (int) v, back.isInt(), () -> sent + " came back as " + back.getNodeType() + " " + back.getClass());
        } else if (sent.isArray()) {
            for (int i = 0; i < sent.size(); i++) {
                assertIntegersExact(sent.get(i), back.get(i));
            }
        } else if (sent.isObject()) {
            for (Iterator<String> it = sent.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                assertIntegersExact(sent.get(k), back.get(k));
            }
        }
    }

    // ---- arbitrary JSON trees ----

    @Provide
    Arbitrary<JsonNode> json() {
        return Arbitraries.recursive(JsonRoundTripTest::leaf, JsonRoundTripTest::container, 0, 4);
    }

    private static Arbitrary<JsonNode> container(Arbitrary<JsonNode> inner) {
        Arbitrary<JsonNode> array = inner.list().ofMaxSize(5).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> object = Combinators.combine(strings(), inner).as(Map::entry).list().ofMaxSize(5).map(entries -> {
            ObjectNode o = NODES.objectNode();
            entries.forEach(e -> o.set(e.getKey(), e.getValue()));
            return o;
        });
        return Arbitraries.oneOf(array, object);
    }

    private static Arbitrary<JsonNode> leaf() {
        return Arbitraries.<JsonNode>frequencyOf(
                weighted(1, Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false))),
                weighted(4, strings().map(NODES::textNode)),
                weighted(2, Arbitraries.integers().map(NODES::numberNode)),
                weighted(2, Arbitraries.longs().between(-SAFE, SAFE).map(NODES::numberNode)),
                weighted(1, Arbitraries.longs().map(NODES::numberNode)),
                weighted(3, doubles().map(NODES::numberNode)),
                weighted(1, Arbitraries.floats().filter(Float::isFinite).map(NODES::numberNode)),
                weighted(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
                        .map(NODES::numberNode)),
                weighted(1, Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(-30, 30))
                        .as((unscaled, scale) -> NODES.numberNode(BigDecimal.valueOf(unscaled, scale)))),
                weighted(1, Arbitraries.of(NODES.numberNode(new BigInteger("1" + "0".repeat(400))),
                        NODES.numberNode(new BigDecimal("1.10")), NODES.numberNode(new BigDecimal("-0.0")),
                        NODES.numberNode(new BigDecimal("1e-400")), NODES.numberNode(Long.MAX_VALUE),
                        NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(SAFE + 1), NODES.numberNode(-SAFE - 1))));
    }

    private static Tuple.Tuple2<Integer, Arbitrary<? extends JsonNode>> weighted(int weight, Arbitrary<? extends JsonNode> a) {
        return Tuple.of(weight, a);
    }

    /** Finite doubles: any bit pattern, and the cases dtoa and JSON care about. */
    private static Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.doubles(),
                Arbitraries.of(-0.0, 0.0, 1e21, 1e21 - 65536, -1e21, 1e-7, 1e-6, 5e-324, Double.MIN_NORMAL, Double.MAX_VALUE,
                        0.1, 0.2 + 0.1, 1.0, 2.0, -2.5, 123456789.123, 1e300, 9007199254740993.0, 4294967296.5,
                        2147483648.0, -2147483649.0, 1073741824.0, 1.7976931348623157e308, 2.2250738585072014e-308));
    }

    /** Strings of every kind of UTF-16 content, escapes and lone surrogates included. */
    private static Arbitrary<String> strings() {
        Arbitrary<String> astral = Arbitraries.integers().between(0x10000, 0x10ffff).map(cp -> new String(Character.toChars(cp)));
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(3),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(2),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(2),
                astral,
                Arbitraries.of("\\", "\"", "\u2028", "\u2029", "\u007f", "\ufeff", "\ufffd", "\uffff", "\u00e9", "\u4e2d",
                        "\ud83d\ude00", "__proto__", "constructor", "toString", "length", "0", "1", "-0", "", "\\u0041", "</script>"));
        return piece.list().ofMaxSize(4).map(parts -> String.join("", parts));
    }
}
