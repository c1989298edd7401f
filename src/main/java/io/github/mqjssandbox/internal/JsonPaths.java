package io.github.mqjssandbox.internal;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/** Jackson's reference chains as JSON paths ({@code $.items[2].price}), and the nodes they lead to. */
final class JsonPaths {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    /** A path through a deep value can be thousands of characters: the middle is left out. */
    private static final int MAX_CHARS = 200;

    private JsonPaths() {}

    static String render(List<Reference> path) {
        StringBuilder out = new StringBuilder("$");
        for (Reference step : path) {
            if (step.getFieldName() != null) {
                String name = step.getFieldName();
                out.append(IDENTIFIER.matcher(name).matches() ? "." + name : "[" + JsonValues.quoted(name) + "]");
            } else if (step.getIndex() >= 0) {
                out.append('[').append(step.getIndex()).append(']');
            }
        }
        if (out.length() <= MAX_CHARS) {
            return out.toString();
        }
        return out.substring(0, MAX_CHARS / 2) + "…" + out.substring(out.length() - MAX_CHARS / 2);
    }

    /** The node at {@code path} in {@code root}, or null when the path leads nowhere (a missing property). */
    static JsonNode locate(JsonNode root, List<Reference> path) {
        JsonNode node = root;
        for (Reference step : path) {
            if (node == null) {
                return null;
            }
            if (step.getFieldName() != null) {
                node = node.isObject() ? node.get(step.getFieldName()) : null;
            } else if (step.getIndex() >= 0) {
                node = node.isArray() ? node.get(step.getIndex()) : null;
            }
        }
        return node;
    }
}
