package io.github.mqjssandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.mqjssandbox.internal.JsonTrees;
import io.github.mqjssandbox.internal.MappingFailure;
import io.github.mqjssandbox.internal.TypedJson;
import java.util.Objects;
import java.util.OptionalLong;

/** The outcome of a successful eval or call. */
public final class EvalResult {
    private final JsonNode value;
    private final String display;
    private final String output;
    private final long evalNanos;
    private final long memoryUsedBytes;
    private final long fuelUsed;
    /** The value has a JSON form, but one nested deeper than the sandbox reads. */
    private final boolean valueTooDeep;

    EvalResult(JsonNode value, boolean valueTooDeep, String display, String output, long evalNanos,
            long memoryUsedBytes, long fuelUsed) {
        this.value = value;
        this.valueTooDeep = valueTooDeep;
        this.display = display;
        this.output = output;
        this.evalNanos = evalNanos;
        this.memoryUsedBytes = memoryUsedBytes;
        this.fuelUsed = fuelUsed;
    }

    /**
     * The value as {@code JSON.stringify} renders it, or {@code null} when it has no JSON
     * form (undefined, a function, a cyclic structure).
     */
    public JsonNode value() {
        return value;
    }

    /**
     * The value mapped to {@code type} (a record, a POJO, {@code String}, a boxed number,
     * {@code List}, {@code Map}, an array, {@code JsonNode}…) by the sandbox's locked-down
     * mapper: strict (no unknown properties, no coercion of strings to numbers, no fractions
     * for integers) and never polymorphic (see docs/embedding.md). A value with no JSON form
     * ({@code undefined}, a function) maps as JSON {@code null}: {@code null}, or a failure
     * for a primitive type.
     *
     * @throws ResultMappingException if the value does not map to {@code type}; its message
     *     names the JSON path and what was expected there
     */
    public <T> T as(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (valueTooDeep) {
            throw mappingFailure(type, "$", "at $: nests deeper than " + JsonTrees.MAX_NESTING_DEPTH + " levels", null);
        }
        try {
            return TypedJson.reader(type).read(value == null ? NullNode.getInstance() : value);
        } catch (MappingFailure e) {
            throw mappingFailure(type, e.path(), e.getMessage(), e.getCause());
        }
    }

    private ResultMappingException mappingFailure(Class<?> type, String path, String detail, Throwable cause) {
        ResultMappingException e = new ResultMappingException(type, path,
                "the result does not map to " + TypedJson.typeName(type) + " (" + detail + ")", output, cause);
        if (fuelUsed >= 0) {
            e.withFuelUsed(fuelUsed);
        }
        return e;
    }

    /** {@code String(value)}. */
    public String display() {
        return display;
    }

    /** What print/console.log wrote, each call ending in a newline. */
    public String output() {
        return output;
    }

    /** Time spent inside the engine. */
    public long evalNanos() {
        return evalNanos;
    }

    /** Bytes of the JS heap in use after the evaluation (not yet collected garbage included). */
    public long memoryUsedBytes() {
        return memoryUsedBytes;
    }

    /** Fuel units the evaluation consumed, when fuel metering is on (a fuel limit is set). */
    public OptionalLong fuelUsed() {
        return fuelUsed < 0 ? OptionalLong.empty() : OptionalLong.of(fuelUsed);
    }

    @Override
    public String toString() {
        return "EvalResult{value=" + value + ", display=" + display + ", evalNanos=" + evalNanos + "}";
    }
}
