package io.github.mqjssandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/** The outcome of a successful eval or call. */
public final class EvalResult {
    private final JsonNode value;
    private final String display;
    private final String output;
    private final long evalNanos;
    private final long memoryUsedBytes;
    private final long fuelUsed;

    EvalResult(JsonNode value, String display, String output, long evalNanos, long memoryUsedBytes, long fuelUsed) {
        this.value = value;
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
