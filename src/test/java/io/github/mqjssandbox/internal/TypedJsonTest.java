package io.github.mqjssandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.mqjssandbox.SandboxConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The locked-down mapper's settings, each shown doing its job, and the messages built from its failures. */
class TypedJsonTest {
    private static final ObjectMapper MAPPER = TypedJson.mapper();

    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    public abstract static class Shape {}

    public static final class Circle extends Shape {
        static final AtomicInteger MADE = new AtomicInteger();
        public double radius;

        public Circle() {
            MADE.incrementAndGet();
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.MINIMAL_CLASS)
    public abstract static class Minimal {}

    public static final class Square extends Minimal {
        public double side;
    }

    public enum Colour { RED, GREEN }

    public record Pixel(int x, boolean lit, Colour colour) {}

    public static class Named {
        public String name = "n";
    }

    public static final class Secretive extends Named {
        public String secret = "s";
    }

    @Test
    void classNameTypeIdsAreRefusedWhereAPlainMapperWouldInstantiateTheClass() throws Exception {
        String json = "{\"@class\":\"" + Circle.class.getName() + "\",\"radius\":2}";
        int made = Circle.MADE.get();
        assertInstanceOf(Circle.class, new ObjectMapper().readValue(json, Shape.class), "what the validator prevents");
        assertEquals(made + 1, Circle.MADE.get());

        InvalidDefinitionException refused = assertThrows(InvalidDefinitionException.class, () -> MAPPER.readValue(json, Shape.class));
        assertTrue(refused.getOriginalMessage().contains("denied resolution of all subtypes"), refused.getOriginalMessage());
        assertThrows(InvalidDefinitionException.class,
                () -> MAPPER.readValue("{\"@c\":\".TypedJsonTest$Square\",\"side\":1}", Minimal.class));
        assertEquals(made + 1, Circle.MADE.get());
    }

    @Test
    void thereIsNoDefaultTypingAndNoModule() throws Exception {
        Object value = MAPPER.readValue("{\"@class\":\"java.io.File\",\"path\":\"/etc/passwd\"}", Object.class);
        assertEquals(Map.of("@class", "java.io.File", "path", "/etc/passwd"), value);
        assertEquals(LinkedHashMap.class, value.getClass());
        assertEquals(0, MAPPER.getRegisteredModuleIds().size());
    }

    @Test
    void readingIsStrict() {
        assertThrows(MismatchedInputException.class, () -> MAPPER.readValue("{\"x\":\"5\",\"lit\":true,\"colour\":\"RED\"}", Pixel.class));
        assertThrows(MismatchedInputException.class, () -> MAPPER.readValue("{\"x\":5.5,\"lit\":true,\"colour\":\"RED\"}", Pixel.class));
        assertThrows(MismatchedInputException.class, () -> MAPPER.readValue("{\"x\":5,\"lit\":\"true\",\"colour\":\"RED\"}", Pixel.class));
        assertThrows(MismatchedInputException.class, () -> MAPPER.readValue("{\"x\":5,\"lit\":true,\"colour\":0}", Pixel.class));
        assertThrows(MismatchedInputException.class, () -> MAPPER.readValue("{\"lit\":true,\"colour\":\"RED\"}", Pixel.class));
        assertThrows(MismatchedInputException.class, () -> MAPPER.readValue("{\"x\":null,\"lit\":true,\"colour\":\"RED\"}", Pixel.class));
        assertThrows(MismatchedInputException.class, () -> MAPPER.readValue("{\"x\":1,\"lit\":true,\"colour\":\"RED\",\"y\":2}", Pixel.class));
        assertThrows(MismatchedInputException.class, () -> MAPPER.readValue("1 2", Integer.class), "trailing tokens");
        for (String scalar : List.of("5", "5.5", "true")) {
            assertThrows(MismatchedInputException.class, () -> MAPPER.readValue(scalar, String.class), scalar + " as a string");
        }
        assertEquals("5", assertDoesNotThrowRead("\"5\"", String.class));
        assertEquals(5.0, assertDoesNotThrowRead("5", Double.class), "an integer is a valid double");
    }

    private static <T> T assertDoesNotThrowRead(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readBoundsAreJsonTreesBoundsAndTheLargestHostPayload() {
        StreamReadConstraints read = MAPPER.getFactory().streamReadConstraints();
        assertEquals(JsonTrees.MAX_NESTING_DEPTH, read.getMaxNestingDepth());
        assertEquals(JsonTrees.MAX_NUMBER_LENGTH, read.getMaxNumberLength());
        assertEquals(JsonTrees.MAX_STRING_LENGTH, read.getMaxStringLength());
        assertEquals(SandboxConfig.MAX_BUFFER_BYTES, read.getMaxDocumentLength());
        String tooDeep = "[".repeat(1001) + "]".repeat(1001);
        assertThrows(StreamConstraintsException.class, () -> MAPPER.readValue(tooDeep, Object.class));
        assertThrows(StreamConstraintsException.class, () -> MAPPER.readValue("1".repeat(1001), Object.class));
        assertEquals(1, ((List<?>) assertDoesNotThrowRead("[".repeat(1000) + "]".repeat(1000), List.class)).size());
    }

    @Test
    void writingIsBoundedAndKeepsToTheDeclaredType() throws Exception {
        TypedJson.Writer plain = TypedJson.writer(Object.class);
        assertEquals(JsonTrees.parse("{\"x\":1,\"lit\":true,\"colour\":\"GREEN\"}"), plain.write(new Pixel(1, true, Colour.GREEN)));
        assertEquals(JsonTrees.parse("{\"name\":\"n\"}"), TypedJson.writer(Named.class).write(new Secretive()));
        assertEquals(JsonTrees.parse("{\"name\":\"n\",\"secret\":\"s\"}"), plain.write(new Secretive()));
        JsonNode node = JsonNodeFactory.instance.objectNode().put("a", 1);
        assertSame(node, plain.write(node), "a JsonNode goes to the JsonNode API's writer as it is");

        assertEquals(1000, depth(plain.write(nested(1000))));
        MappingFailure tooDeep = assertThrows(MappingFailure.class, () -> plain.write(nested(1001)));
        assertEquals("nests deeper than 1000 levels (a cyclic object graph?)", tooDeep.getMessage());
        for (Object nonFinite : List.of(Double.NaN, List.of(Float.POSITIVE_INFINITY), Map.of("x", Double.NEGATIVE_INFINITY))) {
            assertEquals("a number is NaN or infinite, which JSON cannot hold",
                    assertThrows(MappingFailure.class, () -> plain.write(nonFinite)).getMessage());
        }
        assertEquals("a number has more than 1000 digits", assertThrows(MappingFailure.class,
                () -> plain.write(new java.math.BigInteger("9".repeat(1001)))).getMessage());
    }

    private static List<Object> nested(int depth) {
        List<Object> list = new ArrayList<>();
        for (int i = 1; i < depth; i++) {
            list = new ArrayList<>(List.of(list));
        }
        return list;
    }

    private static int depth(JsonNode node) {
        int depth = 1;
        for (JsonNode level = node; level.size() > 0; level = level.get(0)) {
            depth++;
        }
        return depth;
    }

    @Test
    void failuresAreDescribedWithPathsAndSimpleNames() throws Exception {
        record Inner(List<Pixel> pixels) {}
        TypedJson.Reader<Inner> reader = TypedJson.reader(Inner.class);
        JsonNode odd = JsonTrees.parse("{\"pixels\":[{\"x\":1,\"lit\":true,\"colour\":\"RED\"},{\"x\":1,\"lit\":true,\"colour\":\"BLUE\"}]}");
        MappingFailure enumValue = assertThrows(MappingFailure.class, () -> reader.read(odd));
        assertEquals("$.pixels[1].colour", enumValue.path());
        assertEquals("expected Colour, got \"BLUE\"", enumValue.problem());

        String longText = "y".repeat(100);
        MappingFailure longValue = assertThrows(MappingFailure.class,
                () -> TypedJson.reader(Integer.class).read(JsonNodeFactory.instance.textNode(longText)));
        assertEquals("at $: expected Integer, got \"" + "y".repeat(40) + "…\"", longValue.getMessage());

        MappingFailure oddName = assertThrows(MappingFailure.class,
                () -> TypedJson.reader(Pixel.class).read(JsonTrees.parse("{\"x\":1,\"lit\":true,\"colour\":\"RED\",\"a \\\"b\\\"\":2}")));
        assertEquals("$[\"a \\\"b\\\"\"]", oddName.path());

        assertEquals("List", TypedJson.typeName(ArrayList.class));
        assertEquals("Map", TypedJson.typeName(LinkedHashMap.class));
        assertEquals("Pixel[]", TypedJson.typeName(Pixel[].class));
        assertEquals("int", TypedJson.typeName(int.class));
        assertEquals("value", TypedJson.typeName(new Object() {}.getClass()));
    }
}
