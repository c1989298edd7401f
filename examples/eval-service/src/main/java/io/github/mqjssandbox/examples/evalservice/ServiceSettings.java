package io.github.mqjssandbox.examples.evalservice;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/** How the service listens, how much it evaluates at once, and the limits it allows. */
public final class ServiceSettings {
    /** The library's own number of evaluation threads: more slots than this would only queue inside it. */
    public static final int DEFAULT_CONCURRENCY = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    final InetAddress bindAddress;
    final int port;
    final int concurrency;
    final int httpThreads;
    final Duration borrowWait;
    final int maxBodyBytes;
    final int maxPools;
    final Limits defaultLimits;
    final Limits maxLimits;

    private ServiceSettings(Builder b) {
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.concurrency = b.concurrency;
        this.httpThreads = b.httpThreads > 0 ? b.httpThreads : Math.max(32, 2 * b.concurrency);
        this.borrowWait = b.borrowWait;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxPools = b.maxPools;
        this.defaultLimits = new Limits(b.defaultMemory, b.defaultTimeoutMs, b.defaultFuel, b.defaultOutput);
        this.maxLimits = new Limits(b.maxMemory, b.maxTimeoutMs, b.maxFuel, b.maxOutput);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int concurrency() {
        return concurrency;
    }

    /** The defaults below are what README.md documents; change both together. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = 8080;
        private int concurrency = DEFAULT_CONCURRENCY;
        private int httpThreads; // 0: derived from the concurrency
        private Duration borrowWait = Duration.ofSeconds(5);
        private int maxBodyBytes = 256 << 10;
        private int maxPools = 32;
        private long defaultMemory = 8 << 20;
        private long defaultTimeoutMs = 1_000;
        private long defaultFuel = 1_000_000_000L;
        private long defaultOutput = 64 << 10;
        private long maxMemory = 32 << 20;
        private long maxTimeoutMs = 5_000;
        private long maxFuel = 10_000_000_000L;
        private long maxOutput = 1 << 20;

        private Builder() {}

        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** 0 for an ephemeral port. */
        public Builder port(int port) {
            this.port = requireRange("port", port, 0, 65_535);
            return this;
        }

        /** Evaluations at once; also the size of each pool. */
        public Builder concurrency(int concurrency) {
            this.concurrency = requireRange("concurrency", concurrency, 1, 1_024);
            return this;
        }

        /** Threads serving HTTP; each waiting request holds one. Default max(32, 2 × concurrency). */
        public Builder httpThreads(int threads) {
            this.httpThreads = requireRange("httpThreads", threads, 1, 4_096);
            return this;
        }

        /** How long a request waits for an evaluation slot before the 503. */
        public Builder borrowWait(Duration wait) {
            if (wait.isNegative()) {
                throw new IllegalArgumentException("borrowWait must not be negative");
            }
            this.borrowWait = wait;
            return this;
        }

        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = requireRange("maxBodyBytes", bytes, 64, 16 << 20);
            return this;
        }

        /** Distinct limit sets whose pools are kept. */
        public Builder maxPools(int pools) {
            this.maxPools = requireRange("maxPools", pools, 1, 1_024);
            return this;
        }

        public Builder defaultLimits(long memoryLimitBytes, long timeoutMs, long fuel, long maxOutputBytes) {
            this.defaultMemory = memoryLimitBytes;
            this.defaultTimeoutMs = timeoutMs;
            this.defaultFuel = fuel;
            this.defaultOutput = maxOutputBytes;
            return this;
        }

        public Builder maxLimits(long memoryLimitBytes, long timeoutMs, long fuel, long maxOutputBytes) {
            this.maxMemory = memoryLimitBytes;
            this.maxTimeoutMs = timeoutMs;
            this.maxFuel = fuel;
            this.maxOutput = maxOutputBytes;
            return this;
        }

        public ServiceSettings build() {
            ServiceSettings settings = new ServiceSettings(this);
            new LimitPolicy(settings.defaultLimits, settings.maxLimits); // validates them
            return settings;
        }

        private static int requireRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        }
    }
}
