package io.github.mqjssandbox;

import java.util.Locale;

/** Why an evaluation failed; {@link #label()} is the {@code kind} of the CLI's JSON contract. */
public enum ErrorKind {
    /** The source did not parse. */
    SYNTAX,
    /** The script threw and nothing caught it. */
    RUNTIME,
    /** The wall-clock timeout fired. */
    TIMEOUT,
    /** The instruction-count fuel budget ran out. */
    FUEL,
    /** The JS heap (memory limit) was exhausted. */
    MEMORY,
    /** print/console.log wrote more than the output limit. */
    OUTPUT,
    /** A host function failed and the script did not catch its error. */
    HOST,
    /** The sandbox itself failed (a trap, an engine fault, a misuse of the API). */
    INTERNAL,
    /** {@link Sandbox#cancel()} stopped the evaluation (API only: the CLI never cancels). */
    CANCELLED,
    /**
     * The evaluation succeeded but its result does not map to the Java type asked for
     * ({@link ResultMappingException}; API only: the CLI asks for no type).
     */
    MAPPING;

    /** The lower-case name used in JSON output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the limits: timeout, fuel, memory and output. */
    public boolean isLimit() {
        return this == TIMEOUT || this == FUEL || this == MEMORY || this == OUTPUT;
    }
}
