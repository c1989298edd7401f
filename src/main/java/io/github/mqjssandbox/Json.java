package io.github.mqjssandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * The one JSON mapper of the sandbox: trees only (no data binding, so no default typing
 * or polymorphic deserialisation can ever apply), with explicit size and depth bounds.
 */
final class Json {
    static final int MAX_NESTING_DEPTH = 1000;

    private static final JsonMapper MAPPER =
            JsonMapper.builder(JsonFactory.builder()
                            .streamReadConstraints(StreamReadConstraints.builder()
                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                    .maxNumberLength(1000)
                                    .maxStringLength(SandboxConfig.MAX_MEMORY_LIMIT_BYTES)
                                    .build())
                            .streamWriteConstraints(StreamWriteConstraints.builder()
                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                    .build())
                            .build())
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private Json() {}

    static JsonNode parse(byte[] utf8) throws IOException {
        return MAPPER.readTree(utf8);
    }

    static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    static byte[] toBytes(JsonNode node) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(node);
    }

    static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }
}
