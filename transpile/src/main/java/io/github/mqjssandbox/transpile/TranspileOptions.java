package io.github.mqjssandbox.transpile;

import io.github.mqjssandbox.SandboxConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The immutable limits of a {@link Transpiler}, validated when built. Untrusted source gets the
 * same promises on the host as in the sandbox: a size limit checked before anything parses it,
 * a deadline, and a nesting limit checked by a lexical scan.
 *
 * <pre>{@code
 * TranspileOptions options = TranspileOptions.forSandbox(config); // the sandbox's size limit and timeout
 * TranspileOptions custom = TranspileOptions.builder().timeout(Duration.ofSeconds(2)).cacheEntries(1024).build();
 * }</pre>
 */
public final class TranspileOptions {
    public static final Duration DEFAULT_TIMEOUT = SandboxConfig.DEFAULT_TIMEOUT;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 1000;
    public static final int DEFAULT_CACHE_ENTRIES = 256;
    public static final long DEFAULT_CACHE_CHARS = 32L << 20;

    private final int maxSourceBytes;
    private final Duration timeout;
    private final int maxNestingDepth;
    private final int cacheEntries;
    private final long cacheChars;
    private final int maxConcurrentCompiles;
    private final boolean polyfills;

    private TranspileOptions(Builder b) {
        this.maxSourceBytes = b.maxSourceBytes;
        this.timeout = b.timeout;
        this.maxNestingDepth = b.maxNestingDepth;
        this.cacheEntries = b.cacheEntries;
        this.cacheChars = b.cacheChars;
        this.maxConcurrentCompiles = b.maxConcurrentCompiles;
        this.polyfills = b.polyfills;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static TranspileOptions defaults() {
        return builder().build();
    }

    /**
     * The defaults with the sandbox's {@code maxSourceBytes} (for the source and for the ES5
     * output, which the sandbox must accept) and its timeout as the transpile deadline; a sandbox
     * without a timeout still gets {@link #DEFAULT_TIMEOUT}, since a compile has no fuel or poll.
     */
    public static TranspileOptions forSandbox(SandboxConfig config) {
        Builder builder = builder().maxSourceBytes(config.maxSourceBytes());
        if (!config.timeout().isZero()) {
            builder.timeout(config.timeout());
        }
        return builder.build();
    }

    /** UTF-8 bytes the source, and the ES5 output, may have. */
    public int maxSourceBytes() {
        return maxSourceBytes;
    }

    /** How long one transpile may take, waiting for a compiler thread included. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * How deep brackets ({@code ( [ {} and template {@code ${}) may nest, and how many member
     * accesses, calls and indexes one expression may chain ({@code x.a.b(c)[0]} has four).
     */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** How many transpiled scripts the cache keeps; 0 turns it off. */
    public int cacheEntries() {
        return cacheEntries;
    }

    /** How many characters of ES5 code and source maps the cache keeps at most. */
    public long cacheChars() {
        return cacheChars;
    }

    /**
     * How many compiles may run at once; a compile that missed its deadline holds its place
     * until the compiler notices the interrupt, so runaway compiles cannot pile up.
     */
    public int maxConcurrentCompiles() {
        return maxConcurrentCompiles;
    }

    /**
     * Whether a script gets polyfills for the ES2015+ builtins it uses that the engine lacks
     * ({@code Map}, {@code Set}, {@code Promise}, {@code Array.prototype.includes},
     * {@code Object.entries}…): Closure's, fitted to the engine, installed only where the builtin
     * is absent. On by default; off, such builtins stay absent, as in plain scripts, and the code
     * is smaller. docs/js-dialect.md lists the ones left out.
     */
    public boolean polyfills() {
        return polyfills;
    }

    /** Builds {@link TranspileOptions}; every setter validates its argument at once. */
    public static final class Builder {
        private int maxSourceBytes = SandboxConfig.DEFAULT_MAX_SOURCE_BYTES;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int cacheEntries = DEFAULT_CACHE_ENTRIES;
        private long cacheChars = DEFAULT_CACHE_CHARS;
        private int maxConcurrentCompiles = Math.max(1, Runtime.getRuntime().availableProcessors());
        private boolean polyfills = true;

        private Builder() {}

        public Builder maxSourceBytes(int bytes) {
            this.maxSourceBytes = atLeast("max source bytes", bytes, 1);
            return this;
        }

        /** Positive: a compile cannot be stopped at a poll, so it always has a deadline. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** From 1 to 10,000: past a few thousand levels the compiler's recursion needs ever more stack. */
        public Builder maxNestingDepth(int depth) {
            if (depth < 1 || depth > 10_000) {
                throw new IllegalArgumentException("max nesting depth must be between 1 and 10000, got " + depth);
            }
            this.maxNestingDepth = depth;
            return this;
        }

        public Builder cacheEntries(int entries) {
            this.cacheEntries = atLeast("cache entries", entries, 0);
            return this;
        }

        public Builder cacheChars(long chars) {
            if (chars < 0) {
                throw new IllegalArgumentException("cache chars must not be negative, got " + chars);
            }
            this.cacheChars = chars;
            return this;
        }

        public Builder maxConcurrentCompiles(int compiles) {
            this.maxConcurrentCompiles = atLeast("max concurrent compiles", compiles, 1);
            return this;
        }

        public Builder polyfills(boolean polyfills) {
            this.polyfills = polyfills;
            return this;
        }

        public TranspileOptions build() {
            return new TranspileOptions(this);
        }

        private static int atLeast(String what, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(what + " must be at least " + min + ", got " + value);
            }
            return value;
        }
    }
}
