package io.github.mqjssandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.github.mqjssandbox.HostFunctionError;

/**
 * Turns Jackson's exceptions into {@link MappingFailure}s. Jackson's own messages name classes
 * with their packages, source locations and feature names: none of that reaches a script, so
 * each message is rebuilt here from the exception's parts and the JSON value itself.
 */
final class MappingFailures {
    private MappingFailures() {}

    /** {@code value} (the JSON being read) did not map to the requested type. */
    static MappingFailure reading(JsonProcessingException e, JsonNode value) {
        if (!(e instanceof JsonMappingException)) {
            return new MappingFailure(null, "the value exceeds the sandbox's JSON bounds", e);
        }
        JsonMappingException mapping = (JsonMappingException) e;
        JsonNode found = JsonPaths.locate(value, mapping.getPath());
        return new MappingFailure(JsonPaths.render(mapping.getPath()), readProblem(mapping, found), e);
    }

    private static String readProblem(JsonMappingException e, JsonNode found) {
        if (e instanceof UnrecognizedPropertyException) {
            Class<?> holder = ((UnrecognizedPropertyException) e).getReferringClass();
            return (holder == null ? "the object" : JsonValues.typeName(holder)) + " has no such property";
        }
        if (e instanceof InvalidDefinitionException) {
            // the type itself cannot be read (no creator, class-name type ids refused, ...)
            return "type " + typeName(((InvalidDefinitionException) e).getType()) + " cannot be mapped from JSON";
        }
        if (e instanceof ValueInstantiationException) {
            return "refused by " + typeName(((ValueInstantiationException) e).getType()) + visibleReason(e);
        }
        if (e instanceof MismatchedInputException && ((MismatchedInputException) e).getTargetType() != null) {
            Class<?> target = ((MismatchedInputException) e).getTargetType();
            return "expected " + JsonValues.typeName(target) + ", got " + JsonValues.describe(found);
        }
        return "got " + JsonValues.describe(found) + ", which does not map";
    }

    /** A Java value could not be written as JSON by the locked-down mapper. */
    static MappingFailure writing(JsonProcessingException e) {
        if (causedBy(e, StreamConstraintsException.class)) {
            // the path of a cycle is a thousand steps of the same: not worth showing
            return new MappingFailure(null, "nests deeper than " + JsonTrees.MAX_NESTING_DEPTH
                    + " levels (a cyclic object graph?)", e);
        }
        String path = e instanceof JsonMappingException ? JsonPaths.render(((JsonMappingException) e).getPath()) : null;
        if (e instanceof InvalidDefinitionException) {
            return new MappingFailure(path,
                    "type " + typeName(((InvalidDefinitionException) e).getType()) + " cannot be written as JSON", e);
        }
        return new MappingFailure(path, "cannot be written as JSON", e);
    }

    /** What the mapper wrote is not JSON the sandbox reads back: a non-finite number, or one too long. */
    static MappingFailure notReadable(JsonProcessingException e) {
        String problem = causedBy(e, StreamConstraintsException.class)
                ? "a number has more than " + JsonTrees.MAX_NUMBER_LENGTH + " digits"
                : "a number is NaN or infinite, which JSON cannot hold";
        return new MappingFailure(null, problem, e);
    }

    private static String typeName(JavaType type) {
        return type == null ? "value" : JsonValues.typeName(type.getRawClass());
    }

    /** A constructor's own {@link HostFunctionError} message is meant to be read; any other stays hidden. */
    private static String visibleReason(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof HostFunctionError) {
                return ": " + t.getMessage();
            }
        }
        return "";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
