package io.github.mqjssandbox.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTreesTest {
    private static final ObjectMapper REFERENCE = new ObjectMapper();

    @Test
    void readsTheSameTreesAsJacksonsMapper() throws Exception {
        for (String text : List.of("3", "-7", "2147483648", "123456789012345678901234567890", "1.5", "-0.0", "1e300",
                "\"a\\u00e9\\n\\\"\"", "true", "false", "null", "[]", "{}",
                "{\"a\":[1,{\"b\":null}],\"c\":\"x\",\"a2\":2.25}", "[[[\"deep\"]]]", "{\"k\":1,\"k\":2}")) {
            JsonNode expected = REFERENCE.readTree(text);
            assertEquals(expected, JsonTrees.parse(text), text);
            assertEquals(expected, JsonTrees.parse(text.getBytes(StandardCharsets.UTF_8)), text);
            assertEquals(REFERENCE.writeValueAsString(expected), JsonTrees.toText(expected), text);
            assertArrayEquals(REFERENCE.writeValueAsBytes(expected), JsonTrees.toBytes(expected), text);
        }
    }

    @Test
    void refusesWhatIsNotExactlyOneBoundedValue() {
        for (String bad : List.of("", " ", "1 2", "{} x", "[1,]", "{\"a\"}", "'x'", "NaN", "[1")) {
            assertThrows(JsonProcessingException.class, () -> JsonTrees.parse(bad), bad);
        }
        String tooDeep = "[".repeat(JsonTrees.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonTrees.MAX_NESTING_DEPTH + 1);
        assertThrows(JsonProcessingException.class, () -> JsonTrees.parse(tooDeep));
        String deepest = "[".repeat(JsonTrees.MAX_NESTING_DEPTH) + "]".repeat(JsonTrees.MAX_NESTING_DEPTH);
        assertEquals(deepest, assertDoesNotThrow(deepest));
    }

    @Test
    void writesTheDeepestReadableValueWrappedOnceButNoDeeper() throws Exception {
        JsonNode deepest = JsonTrees.parse("[".repeat(JsonTrees.MAX_NESTING_DEPTH) + "]".repeat(JsonTrees.MAX_NESTING_DEPTH));
        ObjectNode wrapped = JsonTrees.nodes().objectNode();
        wrapped.set("value", deepest);
        assertEquals("{\"value\":" + deepest + "}", JsonTrees.toText(wrapped));
        ArrayNode tooDeep = JsonTrees.nodes().arrayNode().add(wrapped);
        assertThrows(JsonProcessingException.class, () -> JsonTrees.toBytes(tooDeep));
    }

    @Test
    void refusesNodesThatAreNotJsonValues() {
        JsonNodeFactory nodes = JsonTrees.nodes();
        for (JsonNode node : List.of(nodes.pojoNode(new Object()), nodes.binaryNode(new byte[] {1}),
                nodes.arrayNode().add(nodes.pojoNode(List.of(1))), nodes.numberNode(Double.NaN),
                nodes.objectNode().put("x", Double.POSITIVE_INFINITY), nodes.numberNode(Float.NEGATIVE_INFINITY))) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JsonTrees.toBytes(node));
            assertTrue(e.getOriginalMessage().startsWith("cannot write a"), e.getOriginalMessage());
        }
    }

    private static String assertDoesNotThrow(String text) {
        try {
            return JsonTrees.toText(JsonTrees.parse(text));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
