package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mqjssandbox.SandboxConfig;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@code POST /eval} body: {@code {"code": "...", "limits": {...}}}. Strict, so that a
 * typo such as {@code "timeout"} is an error rather than a silently ignored limit.
 */
final class EvalRequestParser {
    private static final Set<String> FIELDS = Set.of("code", "limits");
    private static final Set<String> LIMIT_FIELDS = Set.of(Limits.MEMORY, Limits.TIMEOUT, Limits.FUEL, Limits.OUTPUT);

    EvalRequest parse(byte[] body) throws BadRequestException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new BadRequestException("malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadRequestException("unreadable body: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new BadRequestException("the body must be a JSON object like {\"code\": \"1 + 2\"}");
        }
        rejectUnknown(root, FIELDS, "");
        JsonNode code = root.get("code");
        if (code == null || !code.isTextual()) {
            throw new BadRequestException("\"code\" must be a string");
        }
        return new EvalRequest(code.textValue(), limits(root.get("limits")));
    }

    private static RequestedLimits limits(JsonNode limits) throws BadRequestException {
        if (limits == null || limits.isNull()) {
            return RequestedLimits.NONE;
        }
        if (!limits.isObject()) {
            throw new BadRequestException("\"limits\" must be an object");
        }
        rejectUnknown(limits, LIMIT_FIELDS, "limits.");
        return new RequestedLimits(
                number(limits, Limits.MEMORY, SandboxConfig.MIN_MEMORY_LIMIT_BYTES),
                number(limits, Limits.TIMEOUT, 1),
                number(limits, Limits.FUEL, 1),
                number(limits, Limits.OUTPUT, 0));
    }

    /** A whole number of at least {@code min}; one beyond a long is "as much as allowed". */
    private static Long number(JsonNode limits, String name, long min) throws BadRequestException {
        JsonNode value = limits.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new BadRequestException("limits." + name + " must be a whole number, got " + value);
        }
        if (!value.canConvertToLong()) {
            if (value.bigIntegerValue().signum() < 0) {
                throw new BadRequestException("limits." + name + " must be at least " + min + ", got " + value);
            }
            return Long.MAX_VALUE;
        }
        long number = value.longValue();
        if (number < min) {
            throw new BadRequestException("limits." + name + " must be at least " + min + ", got " + number);
        }
        return number;
    }

    private static void rejectUnknown(JsonNode object, Set<String> known, String prefix) throws BadRequestException {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new BadRequestException("unknown field \"" + prefix + name + "\"; known: " + new TreeSet<>(known));
            }
        }
    }
}
