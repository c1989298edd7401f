package io.github.mqjssandbox.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Short descriptions of JSON values and Java types for error messages a script may read. */
final class JsonValues {
    /** Enough to recognise a value; a message never echoes a large one back. */
    private static final int MAX_SHOWN_CHARS = 40;

    private JsonValues() {}

    /** {@code "abc"}, {@code 12.5}, {@code null}, {@code an object}; {@code nothing} for an absent value. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        switch (node.getNodeType()) {
            case OBJECT:
                return "an object";
            case ARRAY:
                return "an array";
            case STRING:
                return quoted(node.textValue());
            default: // numbers, booleans, null
                return shortened(node.asText());
        }
    }

    /** A JSON string literal of {@code text}, shortened. */
    static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(shortened(text))) + "\"";
    }

    /**
     * A Java type as a script may see it: its simple name, never its package or enclosing
     * classes, and the collection interfaces rather than the classes Jackson picked for them.
     */
    static String typeName(Class<?> type) {
        if (type.isArray()) {
            return typeName(type.getComponentType()) + "[]";
        }
        if (List.class.isAssignableFrom(type)) {
            return "List";
        }
        if (Set.class.isAssignableFrom(type)) {
            return "Set";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "Collection";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "Map";
        }
        String simple = type.getSimpleName();
        return simple.isEmpty() ? "value" : simple; // anonymous classes have no simple name
    }

    private static String shortened(String text) {
        return text.length() <= MAX_SHOWN_CHARS ? text : text.substring(0, MAX_SHOWN_CHARS) + "…";
    }
}
