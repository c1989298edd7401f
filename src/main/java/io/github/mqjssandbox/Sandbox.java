package io.github.mqjssandbox;

import io.github.mqjssandbox.internal.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.mqjssandbox.internal.wasm.EngineInstance;
import io.github.mqjssandbox.internal.wasm.FuelGauge;
import io.github.mqjssandbox.internal.wasm.RawOutcome;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An isolated JavaScript environment: one MicroQuickJS context in its own WebAssembly
 * instance, under the limits of its {@link SandboxConfig}. Sandboxes share nothing but the
 * compiled module. Globals persist from one {@link #eval} to the next until {@link #reset()}.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.create(SandboxConfig.builder().timeout(Duration.ofSeconds(1)).build())) {
 *     EvalResult r = sandbox.eval("[1, 2, 3].map(function (x) { return x * 2; })");
 *     r.value(); // [2,4,6]
 * }
 * }</pre>
 *
 * <p>One thread at a time: a call made while another thread's call is running fails with
 * {@link SandboxStateException}. Every failure is a {@link SandboxException}; after any of
 * them the sandbox is usable again, reset to a fresh state when the engine had to be stopped
 * where its heap could be inconsistent, or closed (and saying so) in the one case where the
 * engine could not be stopped at all.
 */
public final class Sandbox implements AutoCloseable {
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final String DEFAULT_FILE_NAME = "<eval>";

    private final SandboxConfig config;
    private final SandboxHost host;
    private final TaskRunner thread;
    private final long randomSeed;
    private final FuelBudget fuelBudget;
    private final OutcomeJudge judge;
    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private volatile String closedReason;
    /** Only touched on the evaluation thread; null when it must be recreated. */
    private EngineInstance engine;

    private Sandbox(SandboxConfig config) {
        this.config = config;
        this.host = new SandboxHost(config);
        this.thread = config.evaluateOnCallerThread() ? new CallerThreadRunner() : new EvalThread("mquickjs-sandbox");
        this.randomSeed = config.randomSeed() != null ? config.randomSeed() : SEEDS.nextLong();
        this.fuelBudget = new FuelBudget(config.fuelLimit());
        this.judge = new OutcomeJudge(config, host, fuelBudget);
        TaskRunner.Outcome<Void> started = thread.run(() -> {
            engine = newEngine();
            return null;
        }, 0, 0, () -> {});
        if (started instanceof TaskRunner.Failed) {
            thread.close();
            Throwable cause = ((TaskRunner.Failed<Void>) started).error();
            throw new SandboxInternalException("cannot create the sandbox: " + cause.getMessage(), "", cause);
        }
    }

    /** A sandbox with the default settings. */
    public static Sandbox create() {
        return new Sandbox(SandboxConfig.defaults());
    }

    public static Sandbox create(SandboxConfig config) {
        return new Sandbox(Objects.requireNonNull(config, "config"));
    }

    public SandboxConfig config() {
        return config;
    }

    /** Evaluates a script; the result is the value of its last expression statement. */
    public EvalResult eval(String code) {
        return eval(code, DEFAULT_FILE_NAME);
    }

    /** Evaluates a script, naming it {@code fileName} in stack traces. */
    public EvalResult eval(String code, String fileName) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(fileName, "fileName");
        byte[] source = code.getBytes(StandardCharsets.UTF_8);
        checkSize("source", source.length);
        return run(e -> e.eval(source, fileName), fileName);
    }

    /** Calls the global function {@code functionName} with JSON arguments. */
    public EvalResult call(String functionName, JsonNode... args) {
        return call(functionName, List.of(args));
    }

    public EvalResult call(String functionName, List<? extends JsonNode> args) {
        Objects.requireNonNull(functionName, "functionName");
        if (functionName.indexOf('\0') >= 0) {
            // the engine looks the name up as a C string: "f\0x" would call f
            throw new IllegalArgumentException("function name must not contain NUL");
        }
        ArrayNode array = JsonTrees.nodes().arrayNode();
        args.forEach(array::add);
        byte[] json;
        try {
            json = JsonTrees.toBytes(array);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("call arguments cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        checkSize("call arguments", json.length);
        return run(e -> e.call(functionName, json), null);
    }

    /** Discards all script state: the next evaluation starts in a fresh context. */
    public void reset() {
        acquire();
        try {
            replaceEngine();
        } finally {
            owner.set(null);
        }
    }

    /** Makes a fresh instance on the evaluation thread; if that fails, the next call retries. */
    private void replaceEngine() {
        thread.run(() -> {
            engine = null;
            engine = newEngine();
            return null;
        }, 0, 0, () -> {});
    }

    /** True once {@link #close()} was called or the engine could not be stopped. */
    public boolean isClosed() {
        return closedReason != null;
    }

    /**
     * Closes the sandbox. An evaluation running on the sandbox's own thread at that moment is
     * stopped and ends with {@link SandboxStateException}; one running on the caller's thread
     * ({@link SandboxConfig#evaluateOnCallerThread()}) runs to its end or its limits.
     */
    @Override
    public void close() {
        if (closedReason == null) {
            closedReason = "the sandbox is closed";
        }
        thread.close();
    }

    // ---- evaluation ----

    private interface Operation {
        RawOutcome run(EngineInstance engine);
    }

    private EvalResult run(Operation operation, String fileName) {
        acquire();
        try {
            long timeoutNanos = config.timeout().toNanos();
            long graceNanos = config.hardStopGrace().toNanos();
            host.beginEvaluation(System.nanoTime());
            TaskRunner.Outcome<Attempt> outcome = thread.run(
                    () -> attempt(operation),
                    timeoutNanos == 0 ? 0 : timeoutNanos + graceNanos,
                    graceNanos,
                    () -> host.requestStop(StopReason.TIMEOUT));
            if (outcome instanceof TaskRunner.Abandoned) {
                closedReason = "the sandbox was closed: its engine did not stop after the timeout";
                throw new ScriptTimeoutException(config.timeout().toMillis(), true, host.output(), null);
            }
            if (outcome instanceof TaskRunner.Failed) {
                Throwable error = ((TaskRunner.Failed<Attempt>) outcome).error();
                if (closedReason != null) {
                    throw closedDuringEvaluation(error);
                }
                throw new SandboxInternalException("sandbox failure: " + error, host.output(), error);
            }
            Attempt attempt = ((TaskRunner.Finished<Attempt>) outcome).value();
            try {
                if (attempt.crash() != null) {
                    if (closedReason != null) {
                        // close() interrupted the engine; there is nothing left to reset
                        throw closedDuringEvaluation(attempt.crash());
                    }
                    replaceEngine();
                    return judge.crashed(attempt);
                }
                return judge.completed(attempt, fileName);
            } catch (SandboxException e) {
                throw attempt.fuelUsed() >= 0 && e.fuelUsed().isEmpty() ? e.withFuelUsed(attempt.fuelUsed()) : e;
            }
        } finally {
            owner.set(null);
        }
    }

    private SandboxStateException closedDuringEvaluation(Throwable cause) {
        return new SandboxStateException("the sandbox was closed during the evaluation", host.output(), cause);
    }

    /** Runs on the evaluation thread. Any throwable means the heap may be half-updated. */
    private Attempt attempt(Operation operation) {
        FuelGauge gauge = null;
        try {
            if (engine == null) {
                engine = newEngine();
            }
            gauge = engine.fuel();
            if (gauge != null) {
                gauge.fill(fuelBudget.tank());
                host.watchFuel(gauge, fuelBudget.reserve());
            }
            long start = System.nanoTime();
            RawOutcome outcome = operation.run(engine);
            long evalNanos = System.nanoTime() - start;
            return Attempt.finished(outcome, evalNanos, engine.memoryUsed(), fuelUsed(gauge));
        } catch (Throwable crash) {
            // Never reuse a heap the crash may have left half-updated; the replacement is made
            // by the caller after this returns, outside the timed evaluation.
            // Clear a hard-stop interrupt first: Chicory would throw it again on the next wasm call.
            Thread.interrupted();
            boolean cStackOverflow = engine != null && engine.cStackOverflowed();
            engine = null;
            return Attempt.crashed(fuelUsed(gauge), gauge != null && gauge.trapped(), cStackOverflow, crash);
        }
    }

    private long fuelUsed(FuelGauge gauge) {
        return gauge == null ? -1 : fuelBudget.used(gauge.left());
    }

    private EngineInstance newEngine() {
        int ioReserve = config.maxSourceBytes() + config.maxHostPayloadBytes() + 4096;
        EngineInstance created = EngineInstance.create(
                config.engine(), config.fuelMetered(), config.memoryLimitBytes(), ioReserve, host);
        created.setRandomSeed(randomSeed);
        List<String> names = host.functionNames();
        for (int id = 0; id < names.size(); id++) {
            created.defineHostFunction(names.get(id), id);
        }
        return created;
    }

    private void checkSize(String what, int bytes) {
        if (bytes > config.maxSourceBytes()) {
            throw new IllegalArgumentException(
                    what + " is " + bytes + " bytes, over the limit of " + config.maxSourceBytes() + " bytes");
        }
    }

    private void acquire() {
        if (closedReason != null) {
            throw new SandboxStateException(closedReason);
        }
        if (!owner.compareAndSet(null, Thread.currentThread())) {
            throw new SandboxStateException(
                    "the sandbox is in use by another thread (one evaluation at a time)");
        }
        if (closedReason != null) {
            owner.set(null);
            throw new SandboxStateException(closedReason);
        }
    }
}
