package io.github.mqjssandbox.bench;

import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.SandboxPool;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The life cycle of the sandbox's AOT engine at a given memory limit: a new sandbox with its
 * first {@code 1+2} and close; reset with the next {@code 1+2}; a pool's borrow, {@code 1+2}
 * and return; a hibernating sandbox's thaw, call and hibernation; snapshot of a small state;
 * restore of it with {@code count()} and close.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LifecycleBenchmark {
    /** The small state of a tenant: a few globals, a closure, an object. */
    static final String SMALL_STATE = "var hits = 0; var cfg = {name: 'tenant', limits: [1, 2, 3]};"
            + " function count() { hits += 1; return hits; } var next = (function () { var n = 0;"
            + " return function () { return ++n; }; })(); count(); next();";

    /** 1 MiB, 16 MiB and 256 MiB: the costs must not depend on the limit. */
    @Param({"1048576", "16777216", "268435456"})
    public int memoryLimit;

    private SandboxConfig config;
    private SandboxConfig onCaller;
    private Sandbox live;
    private Sandbox sleeper;
    private SandboxPool pool;
    private byte[] snapshot;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        config = SandboxConfig.builder().engine(Engine.AOT).memoryLimitBytes(memoryLimit)
                .timeout(Duration.ofSeconds(10)).build();
        onCaller = SandboxConfig.builder().engine(Engine.AOT).memoryLimitBytes(memoryLimit)
                .timeout(Duration.ofSeconds(10)).evaluateOnCallerThread(true).build();
        live = Sandbox.create(config);
        live.eval(SMALL_STATE);
        sleeper = Sandbox.create(SandboxConfig.builder().engine(Engine.AOT).memoryLimitBytes(memoryLimit)
                .timeout(Duration.ofSeconds(10)).hibernateWhenIdle(Duration.ZERO).build());
        sleeper.eval(SMALL_STATE);
        snapshot = live.snapshot();
        pool = SandboxPool.create(config, 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        live.close();
        sleeper.close();
        pool.close();
    }

    @Benchmark
    public Object createEvalClose() {
        try (Sandbox sandbox = Sandbox.create(config)) {
            return sandbox.eval("1+2").value();
        }
    }

    @Benchmark
    public Object createEvalCloseOnCaller() {
        try (Sandbox sandbox = Sandbox.create(onCaller)) {
            return sandbox.eval("1+2").value();
        }
    }

    @Benchmark
    public Object thawEvalHibernate() {
        return sleeper.eval("count()").value();
    }

    @Benchmark
    public void reset() {
        live.reset();
    }

    @Benchmark
    public Object resetEval() {
        live.reset();
        return live.eval("1+2").value();
    }

    @Benchmark
    public Object poolBorrowEvalReturn() throws InterruptedException {
        try (SandboxPool.Lease lease = pool.borrow(Duration.ofSeconds(10))) {
            return lease.eval("1+2").value();
        }
    }

    @Benchmark
    public byte[] snapshotSmallState() {
        return live.snapshot();
    }

    @Benchmark
    public Object restoreEvalClose() {
        try (Sandbox sandbox = Sandbox.restore(snapshot, config)) {
            return sandbox.eval("count()").value();
        }
    }
}
