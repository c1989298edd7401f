package io.github.mqjssandbox;

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
        ArrayNode array = Json.nodes().arrayNode();
        args.forEach(array::add);
        byte[] json;
        try {
            json = Json.toBytes(array);
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

    /**
     * What happened on the evaluation thread. {@code fuelUsed} is -1 without metering;
     * {@code fuelTrapped} tells that a crash was the metered code running out of fuel.
     */
    private record Attempt(RawOutcome outcome, long evalNanos, long memoryUsed, long fuelUsed,
            boolean fuelTrapped, Throwable crash) {}

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
                throw new SandboxInternalException("sandbox failure: " + error, host.output(), error);
            }
            Attempt attempt = ((TaskRunner.Finished<Attempt>) outcome).value();
            try {
                if (attempt.crash() != null) {
                    replaceEngine();
                    return throwForCrash(attempt);
                }
                return judge(attempt, fileName);
            } catch (SandboxException e) {
                throw attempt.fuelUsed() >= 0 && e.fuelUsed().isEmpty() ? e.withFuelUsed(attempt.fuelUsed()) : e;
            }
        } finally {
            owner.set(null);
        }
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
            return new Attempt(outcome, evalNanos, engine.memoryUsed(), fuelUsed(gauge), false, null);
        } catch (Throwable crash) {
            // Never reuse a heap the crash may have left half-updated; the replacement is made
            // by the caller after this returns, outside the timed evaluation.
            engine = null;
            Thread.interrupted();
            return new Attempt(null, 0, 0, fuelUsed(gauge), gauge != null && gauge.trapped(), crash);
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

    private EvalResult judge(Attempt attempt, String fileName) {
        RawOutcome raw = attempt.outcome();
        String output = host.output();
        StopReason stop = host.stopReason();
        if (stop == null && fuelBudget.exceededBy(attempt.fuelUsed())) {
            stop = StopReason.FUEL; // the script ended between two polls, but past its budget
        }
        if (stop != null) {
            throw limitException(stop, attempt, false, null);
        }
        switch (raw.status()) {
            case OK:
                return new EvalResult(parseValue(raw.valueJson()), raw.display(), output,
                        attempt.evalNanos(), attempt.memoryUsed(), attempt.fuelUsed());
            case SYNTAX:
                if (isOutOfMemory(raw)) {
                    throw new MemoryLimitException(config.memoryLimitBytes(), raw.errorMessage(), false, output, null);
                }
                throw new JsException(ErrorKind.SYNTAX, details(raw, fileName), output, null);
            case THROWN:
            case UNCATCHABLE:
                throw thrown(raw, fileName, output);
            default:
                throw new SandboxInternalException("the sandbox has no JS context", output, null);
        }
    }

    private SandboxException thrown(RawOutcome raw, String fileName, String output) {
        JsErrorDetails details = details(raw, fileName);
        if (isOutOfMemory(raw)) {
            return new MemoryLimitException(config.memoryLimitBytes(), raw.errorMessage(), false, output, null);
        }
        if (raw.status() == RawOutcome.Status.UNCATCHABLE) {
            return new SandboxInternalException("the engine stopped the script: " + details.describe(), output, null);
        }
        SandboxHost.HostFailure failure = host.lastHostFailure();
        if (failure != null && "Error".equals(raw.errorName())
                && failure.messageForScript().equals(raw.errorMessage())) {
            return new HostFunctionException(failure.functionName(), details, output, failure.cause());
        }
        return new JsException(ErrorKind.RUNTIME, details, output, null);
    }

    /** The engine's heap-exhaustion errors: InternalError at run time, SyntaxError from the parser. */
    private static boolean isOutOfMemory(RawOutcome raw) {
        return ("InternalError".equals(raw.errorName()) || "SyntaxError".equals(raw.errorName()))
                && ("out of memory".equals(raw.errorMessage()) || "not enough memory".equals(raw.errorMessage()));
    }

    private static JsErrorDetails details(RawOutcome raw, String fileName) {
        return JsErrorDetails.of(raw.errorName(), raw.errorMessage(), raw.errorStack(), fileName);
    }

    private EvalResult throwForCrash(Attempt attempt) {
        Throwable crash = attempt.crash();
        StopReason stop = attempt.fuelTrapped() ? StopReason.FUEL : host.stopReason();
        if (stop != null) {
            throw limitException(stop, attempt, true, crash);
        }
        if (causedByStackExhaustion(crash)) {
            throw new SandboxInternalException(
                    "the engine exhausted the JVM stack; the sandbox was reset", host.output(), crash);
        }
        throw new SandboxInternalException(
                "the engine failed (" + crash.getClass().getSimpleName() + ": " + crash.getMessage()
                        + "); the sandbox was reset", host.output(), crash);
    }

    /** Chicory may wrap what a host call threw, and its interpreter reports a JVM overflow in its own words. */
    private static boolean causedByStackExhaustion(Throwable crash) {
        for (Throwable t = crash; t != null; t = t.getCause()) {
            if (t instanceof StackOverflowError || String.valueOf(t.getMessage()).contains("call stack exhausted")) {
                return true;
            }
        }
        return false;
    }

    private LimitExceededException limitException(StopReason stop, Attempt attempt, boolean reset, Throwable cause) {
        switch (stop) {
            case TIMEOUT:
                return new ScriptTimeoutException(config.timeout().toMillis(), reset, host.output(), cause);
            case OUTPUT:
                return new OutputLimitException(config.maxOutputBytes(), host.output());
            case FUEL:
                return new FuelExhaustedException(config.fuelLimit(), attempt.fuelUsed(), reset, host.output(), cause);
            default:
                throw new IllegalStateException("unhandled stop " + stop);
        }
    }

    private static JsonNode parseValue(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.parse(json);
        } catch (JsonProcessingException tooDeep) {
            // JSON.stringify output is valid JSON; only our depth bound can refuse it.
            return null;
        }
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
