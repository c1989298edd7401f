package io.github.mqjssandbox.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mqjssandbox.SandboxConfig;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The sandbox's only JSON reader and writer: Jackson's streaming parser and generator with
 * explicit size and depth bounds, building and walking {@link JsonNode} trees. There is no
 * ObjectMapper: no data binding, so no reflection and no polymorphic typing can ever apply
 * (node types that would need it, such as POJO nodes, are refused), and none of the mapper's
 * start-up cost (it tripled the time of a first evaluation in a fresh JVM).
 */
public final class JsonTrees {
    /** The deepest JSON value the sandbox reads (a script's result, a host function's arguments). */
    public static final int MAX_NESTING_DEPTH = 1000;
    /**
     * One more than is read, so that a value read at the deepest still fits in one wrapping
     * array or object: the CLI's report, the argument list of {@code Sandbox.call}.
     */
    public static final int MAX_WRITE_NESTING_DEPTH = MAX_NESTING_DEPTH + 1;
    /** Strings up to the largest engine heap: a JS value can never be bigger. */
    public static final int MAX_STRING_LENGTH = SandboxConfig.MAX_MEMORY_LIMIT_BYTES;
    /** Digits of one number; a JS number never has more (BigInteger values of the Java side might). */
    public static final int MAX_NUMBER_LENGTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_WRITE_NESTING_DEPTH).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    public static JsonNodeFactory nodes() {
        return NODES;
    }

    /** Exactly one JSON value, nothing after it. */
    public static JsonNode parse(byte[] utf8) throws JsonProcessingException {
        return read(() -> FACTORY.createParser(utf8));
    }

    public static JsonNode parse(String text) throws JsonProcessingException {
        return read(() -> FACTORY.createParser(text));
    }

    public static byte[] toBytes(JsonNode node) throws JsonProcessingException {
        ByteArrayBuilder out = new ByteArrayBuilder();
        write(node, () -> FACTORY.createGenerator(out));
        return out.toByteArray();
    }

    public static String toText(JsonNode node) throws JsonProcessingException {
        StringWriter out = new StringWriter();
        write(node, () -> FACTORY.createGenerator(out));
        return out.toString();
    }

    /** Opens a parser or generator on an in-memory source or sink. */
    private interface Opener<T> {
        T open() throws IOException;
    }

    private static JsonNode read(Opener<JsonParser> source) throws JsonProcessingException {
        try (JsonParser p = source.open()) {
            return readDocument(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory sources and sinks do no I/O
        }
    }

    private static void write(JsonNode node, Opener<JsonGenerator> sink) throws JsonProcessingException {
        try (JsonGenerator g = sink.open()) {
            write(g, node);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readDocument(JsonParser p) throws IOException {
        if (p.nextToken() == null) {
            throw new JsonParseException(p, "no JSON value");
        }
        JsonNode root = read(p);
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "unexpected content after the JSON value");
        }
        return root;
    }

    /** The value whose first token is current; recursion depth is bounded by the parser. */
    private static JsonNode read(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    object.set(name, read(p)); // a repeated key keeps its last value, as JSON.parse does
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(p));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(p, "unexpected token " + token);
        }
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT:
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
                break;
            case ARRAY:
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
                break;
            case STRING:
                g.writeString(node.textValue());
                break;
            case NUMBER:
                writeNumber(g, node);
                break;
            case BOOLEAN:
                g.writeBoolean(node.booleanValue());
                break;
            case NULL:
                g.writeNull();
                break;
            default: // BINARY, POJO, MISSING: not JSON values
                throw new JsonGenerationException("cannot write a " + node.getNodeType() + " node as JSON", g);
        }
    }

    private static void writeNumber(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isInt() || node.isShort()) {
            g.writeNumber(node.intValue());
        } else if (node.isLong()) {
            g.writeNumber(node.longValue());
        } else if (node.isBigInteger()) {
            g.writeNumber(node.bigIntegerValue());
        } else if (node.isBigDecimal()) {
            g.writeNumber(node.decimalValue());
        } else if (!Double.isFinite(node.doubleValue())) {
            // Jackson would write "NaN" or "Infinity" as a string, and the script would see a string
            throw new JsonGenerationException("cannot write a non-finite number (" + node.doubleValue() + ") as JSON", g);
        } else if (node.isFloat()) {
            g.writeNumber(node.floatValue());
        } else {
            g.writeNumber(node.doubleValue());
        }
    }
}
