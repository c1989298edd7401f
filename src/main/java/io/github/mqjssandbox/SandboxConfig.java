package io.github.mqjssandbox;

import io.github.mqjssandbox.internal.wasm.Prelude;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The immutable settings of a {@link Sandbox}, validated when built. Derive variants with
 * {@link #newBuilder()}.
 *
 * <pre>{@code
 * SandboxConfig config = SandboxConfig.builder()
 *         .memoryLimitBytes(8 << 20)
 *         .timeout(Duration.ofSeconds(2))
 *         .hostFunction("add", args -> IntNode.valueOf(args.get(0).asInt() + args.get(1).asInt()))
 *         .build();
 * }</pre>
 */
public final class SandboxConfig {
    public static final int DEFAULT_MEMORY_LIMIT_BYTES = 16 << 20;
    public static final int MIN_MEMORY_LIMIT_BYTES = 64 << 10;
    public static final int MAX_MEMORY_LIMIT_BYTES = 1 << 30;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HARD_STOP_GRACE = Duration.ofMillis(500);
    /**
     * Long enough that a sandbox in steady use does not hibernate between calls, short enough
     * that thousands made in a burst do not all hold their pages at once.
     */
    public static final Duration DEFAULT_HIBERNATE_WHEN_IDLE = Duration.ofMillis(100);
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_SOURCE_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_HOST_PAYLOAD_BYTES = 1 << 20;
    public static final Engine DEFAULT_ENGINE = Engine.AOT;
    public static final long MAX_FUEL_LIMIT = 1L << 60;
    /** The largest value {@code maxOutputBytes}, {@code maxSourceBytes} and {@code maxHostPayloadBytes} accept. */
    public static final int MAX_BUFFER_BYTES = 64 << 20;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final int memoryLimitBytes;
    private final Duration timeout;
    private final Duration hardStopGrace;
    private final int maxOutputBytes;
    private final int maxSourceBytes;
    private final int maxHostPayloadBytes;
    private final Engine engine;
    private final long fuelLimit;
    private final Long randomSeed;
    private final LongSupplier clock;
    private final Consumer<String> outputListener;
    private final Map<String, HostFunction> hostFunctions;
    private final boolean evaluateOnCallerThread;
    private final boolean flatMemory;
    private final Duration hibernateWhenIdle;
    private final boolean compatPrelude;
    private final List<PreloadScript> preloads;
    private final Prelude prelude;

    private SandboxConfig(Builder b) {
        this.memoryLimitBytes = b.memoryLimitBytes;
        this.timeout = b.timeout;
        this.hardStopGrace = b.hardStopGrace;
        this.maxOutputBytes = b.maxOutputBytes;
        this.maxSourceBytes = b.maxSourceBytes;
        this.maxHostPayloadBytes = b.maxHostPayloadBytes;
        this.engine = b.engine;
        this.fuelLimit = b.fuelLimit;
        this.randomSeed = b.randomSeed;
        this.clock = b.clock;
        this.outputListener = b.outputListener;
        this.hostFunctions = Collections.unmodifiableMap(new LinkedHashMap<>(b.hostFunctions));
        this.evaluateOnCallerThread = b.evaluateOnCallerThread;
        this.flatMemory = b.flatMemory;
        this.hibernateWhenIdle = b.hibernateWhenIdle;
        this.compatPrelude = b.compatPrelude;
        this.preloads = List.copyOf(b.preloads);
        Prelude scripts = compatPrelude ? Prelude.compat() : Prelude.NONE;
        for (PreloadScript script : preloads) {
            scripts = scripts.thenSource(script.fileName(), script.source().getBytes(StandardCharsets.UTF_8));
        }
        this.prelude = scripts.withSourceTimeout(timeout);
    }

    /**
     * A script evaluated once into the context that sandboxes of a configuration start from:
     * {@code fileName} is the name its functions carry in stack traces and errors.
     */
    public record PreloadScript(String fileName, String source) {
        public PreloadScript {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(source, "source");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default settings. */
    public static SandboxConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from these settings. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** Bytes of JS heap (objects, strings and the JS stack); the wasm memory is capped from it. */
    public int memoryLimitBytes() {
        return memoryLimitBytes;
    }

    /** Wall-clock time one eval or call may take; {@link Duration#ZERO} means no timeout. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * How long past the timeout the engine gets to stop by itself before it is stopped
     * hard (and the sandbox reset).
     */
    public Duration hardStopGrace() {
        return hardStopGrace;
    }

    public int maxOutputBytes() {
        return maxOutputBytes;
    }

    public int maxSourceBytes() {
        return maxSourceBytes;
    }

    public int maxHostPayloadBytes() {
        return maxHostPayloadBytes;
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Fuel units one eval or call may consume; 0 means no fuel limit (and no metering cost).
     * A unit is about one WebAssembly instruction of the engine, see docs/limits.md.
     */
    public long fuelLimit() {
        return fuelLimit;
    }

    /** True when a fuel limit is set. */
    public boolean fuelMetered() {
        return fuelLimit > 0;
    }

    /** The seed of Math.random, or {@code null} for a random seed per sandbox. */
    public Long randomSeed() {
        return randomSeed;
    }

    /** The source of Date.now(), in milliseconds since the epoch. */
    public LongSupplier clock() {
        return clock;
    }

    /** Receives output as it is written, or {@code null}. */
    public Consumer<String> outputListener() {
        return outputListener;
    }

    public Map<String, HostFunction> hostFunctions() {
        return hostFunctions;
    }

    /**
     * How long a sandbox stays unused before it hibernates, giving its memory back: its state is
     * kept as compact differences from a fresh context (garbage collected first), typically a few
     * kilobytes, and thawed in microseconds by the next call. {@link Duration#ZERO} hibernates at
     * the end of every evaluation; {@code null} never. Default {@link #DEFAULT_HIBERNATE_WHEN_IDLE}.
     */
    public Duration hibernateWhenIdle() {
        return hibernateWhenIdle;
    }

    /**
     * True (the default) when scripts start with the compatibility layer of docs/compatibility.md:
     * the aliases {@code self} and {@code global}, the ES5 and Annex B builtins the engine lacks
     * (URI functions, {@code escape}, {@code Object.defineProperties}, {@code substr}, a full
     * {@code Date} in UTC and more) and fixes of a few engine builtins. It is bytecode compiled
     * when the library is built, run once per JVM and (engine, memory limit) into the context every
     * sandbox is copied from: no time per sandbox, about 0.1 s of a cold JVM's first result in the
     * AOT engine; it holds about 9 KB of the JS heap ({@link #memoryLimitBytes()}).
     */
    public boolean compatPrelude() {
        return compatPrelude;
    }

    /**
     * Scripts evaluated, in order and after the compatibility prelude, into the context every
     * sandbox of this configuration is copied from, for example a template library and the
     * host's helpers: each new sandbox and each {@code reset()} then starts with what they
     * defined at the cost of a copy, not of parsing them again. They run once per JVM and
     * configuration, when the first such sandbox is created (or in {@link Sandbox#prepare}),
     * each within {@link #timeout()}, their output dropped; host functions are not defined yet
     * while they load (a function they define may call them later). What they
     * leave is part of every sandbox's JS heap. One that fails makes {@code create} throw
     * {@link PreloadException}.
     */
    public List<PreloadScript> preloads() {
        return preloads;
    }

    /** The scripts a template of this configuration has run, made once. */
    Prelude prelude() {
        return prelude;
    }

    /**
     * True to run the engine on the calling thread instead of the shared evaluation threads:
     * tens of microseconds less per call, but the caller's stack must be deep enough, and an
     * engine that ignores even a thread interrupt cannot be abandoned.
     */
    public boolean evaluateOnCallerThread() {
        return evaluateOnCallerThread;
    }

    /**
     * True when the sandbox's linear memory is one array of its whole size instead of 64 KiB
     * pages made on first write (the default, false). Scripts run about a third faster (the page
     * lookup on every load and store is gone: docs/performance.md), but creating or resetting a
     * sandbox allocates or clears the whole memory limit (a few milliseconds at 16 MiB instead of
     * tens of microseconds) and a live sandbox holds all of it on the JVM heap. For sandboxes that
     * run long scripts; hibernation ({@link #hibernateWhenIdle()}) still gives an idle one's
     * memory back, and its next call allocates it again.
     */
    public boolean flatMemory() {
        return flatMemory;
    }

    /** Builds a {@link SandboxConfig}; every setter validates its argument at once. */
    public static final class Builder {
        private int memoryLimitBytes = DEFAULT_MEMORY_LIMIT_BYTES;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration hardStopGrace = DEFAULT_HARD_STOP_GRACE;
        private int maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;
        private int maxSourceBytes = DEFAULT_MAX_SOURCE_BYTES;
        private int maxHostPayloadBytes = DEFAULT_MAX_HOST_PAYLOAD_BYTES;
        private Engine engine = DEFAULT_ENGINE;
        private long fuelLimit;
        private Long randomSeed;
        private LongSupplier clock = System::currentTimeMillis;
        private Consumer<String> outputListener;
        private final Map<String, HostFunction> hostFunctions = new LinkedHashMap<>();
        private boolean evaluateOnCallerThread;
        private boolean flatMemory;
        private Duration hibernateWhenIdle = DEFAULT_HIBERNATE_WHEN_IDLE;
        private boolean compatPrelude = true;
        private final List<PreloadScript> preloads = new ArrayList<>();

        private Builder() {}

        private Builder(SandboxConfig c) {
            memoryLimitBytes = c.memoryLimitBytes;
            timeout = c.timeout;
            hardStopGrace = c.hardStopGrace;
            maxOutputBytes = c.maxOutputBytes;
            maxSourceBytes = c.maxSourceBytes;
            maxHostPayloadBytes = c.maxHostPayloadBytes;
            engine = c.engine;
            fuelLimit = c.fuelLimit;
            randomSeed = c.randomSeed;
            clock = c.clock;
            outputListener = c.outputListener;
            hostFunctions.putAll(c.hostFunctions);
            evaluateOnCallerThread = c.evaluateOnCallerThread;
            flatMemory = c.flatMemory;
            hibernateWhenIdle = c.hibernateWhenIdle;
            compatPrelude = c.compatPrelude;
            preloads.addAll(c.preloads);
        }

        /** From {@value #MIN_MEMORY_LIMIT_BYTES} bytes to 1 GiB. */
        public Builder memoryLimitBytes(long bytes) {
            if (bytes < MIN_MEMORY_LIMIT_BYTES || bytes > MAX_MEMORY_LIMIT_BYTES) {
                throw new IllegalArgumentException(
                        "memory limit must be between " + MIN_MEMORY_LIMIT_BYTES + " and "
                                + MAX_MEMORY_LIMIT_BYTES + " bytes, got " + bytes);
            }
            this.memoryLimitBytes = (int) bytes;
            return this;
        }

        /** Positive, or {@link Duration#ZERO} for no timeout. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public Builder hardStopGrace(Duration grace) {
            Objects.requireNonNull(grace, "grace");
            if (grace.isNegative() || grace.isZero()) {
                throw new IllegalArgumentException("hard stop grace must be positive, got " + grace);
            }
            this.hardStopGrace = grace;
            return this;
        }

        /** 0 or more; output beyond it stops the script with an {@link OutputLimitException}. */
        public Builder maxOutputBytes(long bytes) {
            this.maxOutputBytes = bounded("max output", bytes, 0);
            return this;
        }

        public Builder maxSourceBytes(long bytes) {
            this.maxSourceBytes = bounded("max source", bytes, 1);
            return this;
        }

        public Builder maxHostPayloadBytes(long bytes) {
            this.maxHostPayloadBytes = bounded("max host payload", bytes, 16);
            return this;
        }

        public Builder engine(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** At least 1, or 0 for no fuel limit. */
        public Builder fuelLimit(long units) {
            if (units < 0 || units > MAX_FUEL_LIMIT) {
                throw new IllegalArgumentException(
                        "fuel limit must be between 0 and " + MAX_FUEL_LIMIT + ", got " + units);
            }
            this.fuelLimit = units;
            return this;
        }

        /** Makes Math.random reproducible. */
        public Builder randomSeed(long seed) {
            this.randomSeed = seed;
            return this;
        }

        /** Date.now() will call this clock (milliseconds since the epoch). */
        public Builder clock(LongSupplier epochMillis) {
            this.clock = Objects.requireNonNull(epochMillis, "clock");
            return this;
        }

        /** Date.now() will always return {@code epochMillis}. */
        public Builder fixedClock(long epochMillis) {
            return clock(() -> epochMillis);
        }

        /** Called on the evaluation thread with each piece of output as it is written. */
        public Builder outputListener(Consumer<String> listener) {
            this.outputListener = listener;
            return this;
        }

        /** See {@link SandboxConfig#hibernateWhenIdle()}; {@code null} never hibernates. */
        public Builder hibernateWhenIdle(Duration idle) {
            if (idle != null && idle.isNegative()) {
                throw new IllegalArgumentException("hibernateWhenIdle must not be negative, got " + idle);
            }
            this.hibernateWhenIdle = idle;
            return this;
        }

        /**
         * Whether scripts start with the compatibility layer (default true); false gives the
         * engine's own global environment, as the native mquickjs build has it. See
         * {@link SandboxConfig#compatPrelude()}.
         */
        public Builder compatPrelude(boolean enabled) {
            this.compatPrelude = enabled;
            return this;
        }

        /**
         * Adds a script to evaluate into every sandbox's starting context, after those added
         * before (see {@link SandboxConfig#preloads()}). Its size counts against
         * {@link #maxSourceBytes}, checked by {@link #build()}.
         */
        public Builder preload(String fileName, String source) {
            preloads.add(new PreloadScript(fileName, source));
            return this;
        }

        /**
         * Runs the engine on the calling thread (the AOT and compiler engines only: the
         * interpreter needs the deep stack of the shared evaluation threads).
         */
        public Builder evaluateOnCallerThread(boolean onCallerThread) {
            this.evaluateOnCallerThread = onCallerThread;
            return this;
        }

        /** See {@link SandboxConfig#flatMemory()}. */
        public Builder flatMemory(boolean flat) {
            this.flatMemory = flat;
            return this;
        }

        /** Exposes {@code function} to scripts as the global {@code name} (a JS identifier). */
        public Builder hostFunction(String name, HostFunction function) {
            checkHostFunctionName(name);
            Objects.requireNonNull(function, "function");
            hostFunctions.put(name, function);
            return this;
        }

        /**
         * Exposes a typed {@code function} to scripts as the global {@code name}: the script's
         * argument is mapped to {@code argumentType} and the result from {@code resultType} to
         * JSON by the sandbox's locked-down mapper (strict, never polymorphic; see
         * docs/embedding.md).
         *
         * <ul>
         * <li>The script passes at most one argument; none, {@code undefined} and {@code null}
         *     all map as JSON null ({@code null}, or a failure for a primitive type). More
         *     arguments fail the call. With {@code Void.class} it takes no argument.
         * <li>An argument that does not map fails the call with a JS {@code Error} the script
         *     can catch, naming the function, the expected type (its simple name), the JSON
         *     path and what was found there; the function is not called.
         * <li>The result is written as {@code resultType}: only what that type shows reaches
         *     the script. {@code null} is JSON null; with {@code Void.class} the script gets
         *     {@code undefined}. A result that cannot be written as JSON fails the call with
         *     "host function 'name' returned a value that is not JSON".
         * </ul>
         *
         * <p>The mapper is made, and the two types introspected, here rather than within a
         * script's time limit: the first typed registration in a JVM takes some milliseconds.
         */
        public <A, R> Builder hostFunction(String name, Class<A> argumentType, Class<R> resultType,
                TypedHostFunction<A, R> function) {
            checkHostFunctionName(name);
            Objects.requireNonNull(argumentType, "argumentType");
            Objects.requireNonNull(resultType, "resultType");
            Objects.requireNonNull(function, "function");
            hostFunctions.put(name, new TypedHostFunctionAdapter<>(name, argumentType, resultType, function));
            return this;
        }

        private static void checkHostFunctionName(String name) {
            Objects.requireNonNull(name, "name");
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("host function name must be a JS identifier, got '" + name + "'");
            }
        }

        public SandboxConfig build() {
            if (evaluateOnCallerThread && engine == Engine.INTERPRETER) {
                throw new IllegalArgumentException(
                        "the interpreter engine needs the deep stacks of the shared evaluation threads; evaluateOnCallerThread is for aot and compiler");
            }
            for (PreloadScript script : preloads) {
                int bytes = script.source().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > maxSourceBytes) {
                    throw new IllegalArgumentException("preloaded script " + script.fileName() + " is " + bytes
                            + " bytes, over maxSourceBytes of " + maxSourceBytes + " bytes");
                }
            }
            return new SandboxConfig(this);
        }

        private static int bounded(String what, long value, int min) {
            if (value < min || value > MAX_BUFFER_BYTES) {
                throw new IllegalArgumentException(
                        what + " must be between " + min + " and " + MAX_BUFFER_BYTES + " bytes, got " + value);
            }
            return (int) value;
        }
    }
}
