package io.github.mqjssandbox;

/** How Chicory executes the engine's WebAssembly. All three pass the same test suite. */
public enum Engine {
    /** Compiled to JVM bytecode at build time (the default): fastest start and run. */
    AOT,
    /** Compiled to JVM bytecode when first used in this JVM (a one-off cost of seconds). */
    COMPILER,
    /** Chicory's interpreter: no bytecode generation at all, much slower. */
    INTERPRETER
}
