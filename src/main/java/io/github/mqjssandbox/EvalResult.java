package io.github.mqjssandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** The outcome of a successful eval or call. */
public final class EvalResult {
    private final JsonNode value;
    private final String display;
    private final String output;
    private final long evalNanos;
    private final long memoryUsedBytes;

    EvalResult(JsonNode value, String display, String output, long evalNanos, long memoryUsedBytes) {
        this.value = value;
        this.display = display;
        this.output = output;
        this.evalNanos = evalNanos;
        this.memoryUsedBytes = memoryUsedBytes;
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

    @Override
    public String toString() {
        return "EvalResult{value=" + value + ", display=" + display + ", evalNanos=" + evalNanos + "}";
    }
}
