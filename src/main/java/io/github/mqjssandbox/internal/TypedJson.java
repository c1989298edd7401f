package io.github.mqjssandbox.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.mqjssandbox.SandboxConfig;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Data binding between JSON values and Java types, for typed host functions and results, with
 * the sandbox's one {@link ObjectMapper}: private, locked down (see {@link #lockedDown()}),
 * and made the first time a typed API is used, so that users of the {@code JsonNode} API never
 * pay its start-up (hundreds of classes, ~100 ms in a fresh JVM, see docs/performance.md).
 *
 * <p>Both directions go through {@link JsonTrees}' bounded trees: a value is read from a tree
 * that JsonTrees built under its bounds, and a Java value is written to bytes by the mapper's
 * bounded generator and read back by JsonTrees, which refuses what JSON cannot hold.
 */
public final class TypedJson {
    private TypedJson() {}

    /** Holds the mapper: the class is initialised, and the mapper built, on first use only. */
    private static final class MapperHolder {
        static final ObjectMapper MAPPER = lockedDown();
    }

    /** The locked-down mapper; package-private for tests of its settings. */
    static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    /**
     * Every setting is explicit, whatever Jackson's defaults are or become:
     * <ul>
     * <li>no default typing, and every class-name type id refused ({@link DenyAllPolymorphicTypes}),
     *     so JSON never chooses a Java class;
     * <li>no modules: nothing found on the class path extends what is bound;
     * <li>the bounds of {@link JsonTrees} (nesting depth, string and number length) for reading,
     *     a document no longer than the largest host payload a configuration allows, and the same
     *     nesting depth for writing, which also stops a cyclic object graph;
     * <li>strict reading: unknown properties, trailing tokens, null or absent primitives,
     *     fractions for integers, strings for numbers or booleans and numbers for enums fail
     *     instead of being ignored, rounded or coerced;
     * <li>NaN and infinities are written as the non-JSON tokens they are (not as strings), so
     *     that reading them back refuses them, as the JsonNode API does.
     * </ul>
     */
    private static ObjectMapper lockedDown() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(JsonTrees.MAX_NESTING_DEPTH)
                        .maxStringLength(JsonTrees.MAX_STRING_LENGTH)
                        .maxNumberLength(JsonTrees.MAX_NUMBER_LENGTH)
                        .maxDocumentLength(SandboxConfig.MAX_BUFFER_BYTES)
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(JsonTrees.MAX_NESTING_DEPTH)
                        .build())
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build();
        return JsonMapper.builder(factory)
                .polymorphicTypeValidator(DenyAllPolymorphicTypes.INSTANCE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    /** A Java type as messages to scripts name it: its simple name only. */
    public static String typeName(Class<?> type) {
        return JsonValues.typeName(type);
    }

    /** Reads JSON values as {@code type}; made once per type and reused (thread-safe). */
    public static <T> Reader<T> reader(Class<T> type) {
        return new Reader<>(mapper().readerFor(type));
    }

    /**
     * Writes Java values as {@code declaredType}: only what that type shows is written, even
     * for an instance of a subclass with more properties. {@code Object.class} writes each
     * value as its own class.
     */
    public static Writer writer(Class<?> declaredType) {
        return new Writer(mapper().writerFor(declaredType));
    }

    /** Maps JSON trees to one Java type. */
    public static final class Reader<T> {
        private final ObjectReader reader;

        private Reader(ObjectReader reader) {
            this.reader = reader;
        }

        public T read(JsonNode value) throws MappingFailure {
            try {
                return reader.readValue(value);
            } catch (JsonProcessingException e) {
                throw MappingFailures.reading(e, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a tree is in memory: no I/O
            } catch (StackOverflowError e) {
                // a deep value on a caller's small stack; the value itself is within bounds
                throw new MappingFailure(null, "the value nests too deep for the calling thread's stack", e);
            }
        }
    }

    /** Maps Java values to JSON trees the sandbox accepts. */
    public static final class Writer {
        private final ObjectWriter writer;

        private Writer(ObjectWriter writer) {
            this.writer = writer;
        }

        /** A {@link JsonNode} is returned as it is: the JsonNode API's rules apply to it unchanged. */
        public JsonNode write(Object value) throws MappingFailure {
            if (value instanceof JsonNode) {
                return (JsonNode) value;
            }
            byte[] json;
            try {
                json = writer.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw MappingFailures.writing(e);
            } catch (StackOverflowError e) {
                throw new MappingFailure(null, "the value nests too deep for the calling thread's stack", e);
            }
            try {
                return JsonTrees.parse(json);
            } catch (JsonProcessingException e) {
                throw MappingFailures.notReadable(e);
            }
        }
    }
}
