package io.github.mqjssandbox;

import io.github.mqjssandbox.internal.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.mqjssandbox.internal.SnapshotCodec;
import io.github.mqjssandbox.internal.wasm.ContextCreationException;
import io.github.mqjssandbox.internal.wasm.EngineInstance;
import io.github.mqjssandbox.internal.wasm.EngineState;
import io.github.mqjssandbox.internal.wasm.FuelGauge;
import io.github.mqjssandbox.internal.wasm.Prelude;
import io.github.mqjssandbox.internal.wasm.PreludeFailedException;
import io.github.mqjssandbox.internal.wasm.RawOutcome;
import io.github.mqjssandbox.internal.EngineText;
import io.github.mqjssandbox.internal.MappingFailure;
import io.github.mqjssandbox.internal.TypedJson;
import java.util.ArrayList;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
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
    /**
     * Made when the first sandbox needs a seed, not when the class loads: {@link #prepare} then
     * starts on the module at once (a SecureRandom costs a cold JVM ~25 ms of security set-up).
     */
    private static final class Seeds {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private static final String DEFAULT_FILE_NAME = "<eval>";
    /** The owner while an idle sandbox hibernates: a call then waits the few microseconds it takes. */
    private static final Object HIBERNATING = new Object();

    private final SandboxConfig config;
    private final SandboxHost host;
    private final TaskRunner thread;
    private final long randomSeed;
    private final FuelBudget fuelBudget;
    private final OutcomeJudge judge;
    /** The thread whose call is using the sandbox, {@link #HIBERNATING}, or null when idle. */
    private final AtomicReference<Object> owner = new AtomicReference<>();
    /** When the last call ended, for hibernation. */
    private volatile long idleSince;
    /** A hibernation check is scheduled: at most one per sandbox. */
    private final AtomicBoolean hibernationScheduled = new AtomicBoolean();
    /** Pairs {@link #cancel()} with the one evaluation it targets. */
    private final Object cancelLock = new Object();
    /** A token for the evaluation in progress, null between evaluations (guarded by cancelLock). */
    private Object runningEvaluation;
    private volatile String closedReason;
    /**
     * Touched on the evaluation thread, and by whoever releases it once the sandbox is closed
     * (no evaluation running then); null when it must be recreated.
     */
    private volatile EngineInstance engine;
    /** Why hibernation discarded the engine, until the next call reports it. */
    private volatile Throwable lostWhileHibernating;
    /** Set when a crash discarded the engine: the next call replaces it before its timed part. */
    private volatile boolean engineLost;

    private Sandbox(SandboxConfig config) {
        this(config, null);
    }

    /** A sandbox whose engine starts from {@code restored}, or from a fresh context when null. */
    private Sandbox(SandboxConfig config, SnapshotCodec.Contents restored) {
        this.config = config;
        this.host = restored == null ? new SandboxHost(config) : new SandboxHost(config, restored.hostFunctionNames());
        this.thread = config.evaluateOnCallerThread() ? new CallerThreadRunner() : new SharedThreadRunner();
        this.randomSeed = config.randomSeed() != null ? config.randomSeed() : Seeds.RANDOM.nextLong();
        this.fuelBudget = new FuelBudget(config.fuelLimit());
        this.judge = new OutcomeJudge(config, host, fuelBudget);
        // A clone of the engine's template, and the few short wasm calls that make it this
        // sandbox's (random seed, host functions): on the caller's thread, with no hand-off.
        try {
            onSetUpThread(() -> engine = restored == null ? newEngine() : restoredEngine(restored));
        } catch (PreludeFailedException e) {
            thread.close();
            throw preloadFailed(e);
        } catch (ContextCreationException e) {
            thread.close();
            if (restored != null) {
                throw new SnapshotException(SnapshotException.Problem.CORRUPT,
                        "the snapshot's state does not fit the engine: " + e.getMessage(), e);
            }
            throw new SandboxInternalException("cannot create the sandbox: " + e.getMessage(), "", e);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            thread.close();
            throw new SandboxInternalException("cannot create the sandbox: " + e, "", e);
        }
    }

    private static PreloadException preloadFailed(PreludeFailedException e) {
        return new PreloadException(e.getMessage(), e.fileName(), e.kind(), e.outcome().errorStack(), e);
    }

    /**
     * Runs engine set-up on the caller's thread: it needs little stack, except in the interpreter
     * engine, whose set-up runs on an evaluation thread. Rethrows what the set-up threw.
     */
    private void onSetUpThread(Runnable setUp) {
        if (config.engine() != Engine.INTERPRETER) {
            setUp.run();
            return;
        }
        TaskRunner.Outcome<Void> outcome = thread.run(() -> {
            setUp.run();
            return null;
        }, 0, 0, () -> {});
        if (outcome instanceof TaskRunner.Failed<Void> failed) {
            if (failed.error() instanceof RuntimeException e) {
                throw e;
            }
            throw new IllegalStateException(failed.error());
        }
    }

    /**
     * Does now, on this thread, what the first sandbox of {@code config}'s kind would do: loads
     * the engine's module and makes the template context that sandboxes with this engine and
     * memory limit are copied from. Call it where start-up time is cheap (a serverless
     * function's init phase, a background thread at start); later {@link #create} calls then only
     * copy the template. Optional: without it the first {@code create} does the same.
     *
     * @throws PreloadException if one of the configuration's preloaded scripts fails
     */
    public static void prepare(SandboxConfig config) {
        Objects.requireNonNull(config, "config");
        try {
            EngineInstance.prepare(config.engine(), config.fuelMetered(), config.memoryLimitBytes(),
                    ioReserveBytes(config), prelude(config), config.flatMemory());
        } catch (PreludeFailedException e) {
            throw preloadFailed(e);
        }
    }

    /**
     * Warms the JVM up for sandboxes of {@code config}'s kind: runs the engine's own training
     * scripts (recursion, loops, objects, arrays, strings, JSON, regular expressions, exceptions,
     * numbers) in a throwaway sandbox of that kind (which makes the template if needed) until
     * {@code budget} has passed, so that HotSpot compiles the engine's large functions (the
     * interpreter, the JSON parser, the regex engine) before real scripts need them: in a fresh
     * JVM those otherwise run slowly for their first seconds of work (docs/performance.md). Call it
     * at start-up, on a background thread if you like; it touches no other sandbox. The budget is
     * checked between scripts (one round of all nine takes ~5 s in a cold JVM on two cores); at
     * least one script runs.
     *
     * @return how many scripts ran
     * @throws PreloadException if one of the configuration's preloaded scripts fails
     */
    public static int warmUp(SandboxConfig config, Duration budget) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(budget, "budget");
        return EngineWarmUp.run(config, budget); // its sandbox makes the template if there is none yet
    }

    /** A sandbox with the default settings. */
    public static Sandbox create() {
        return new Sandbox(SandboxConfig.defaults());
    }

    public static Sandbox create(SandboxConfig config) {
        return new Sandbox(Objects.requireNonNull(config, "config"));
    }

    /**
     * A new sandbox holding the whole script state of {@code snapshot}: globals, closures,
     * prototypes, the {@code Math.random} generator's state and the host functions' bindings.
     * Limits, host function implementations and everything else come from {@code config}, which
     * must have the snapshot's memory limit and every host function name the snapshot uses (it
     * may add more). The snapshot may come from another JVM or machine running the same engine
     * module ({@link VersionInfo#moduleSha256()}), in any engine, with or without fuel.
     *
     * <pre>{@code
     * byte[] saved = sandbox.snapshot();                 // e.g. stored per tenant
     * try (Sandbox again = Sandbox.restore(saved, config)) {
     *     again.eval("counter++");                       // continues where it left off
     * }
     * }</pre>
     *
     * @throws SnapshotException if the bytes are oversized, truncated, corrupt, from another
     *     module, or not for this configuration; nothing is restored then
     */
    public static Sandbox restore(byte[] snapshot, SandboxConfig config) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(config, "config");
        SnapshotCodec.Contents contents;
        try {
            contents = SnapshotCodec.decode(snapshot, moduleSha256(), maxSnapshotBytes(config));
        } catch (SnapshotCodec.InvalidSnapshotException e) {
            throw new SnapshotException(SnapshotException.Problem.valueOf(e.problem().name()), e.getMessage(), e);
        }
        if (contents.state().arenaBytes() != config.memoryLimitBytes()) {
            throw new SnapshotException(SnapshotException.Problem.INCOMPATIBLE_CONFIG, "the snapshot has a JS heap of "
                    + contents.state().arenaBytes() + " bytes, the configuration " + config.memoryLimitBytes(), null);
        }
        for (String name : contents.hostFunctionNames()) {
            if (!config.hostFunctions().containsKey(name)) {
                throw new SnapshotException(SnapshotException.Problem.INCOMPATIBLE_CONFIG,
                        "the snapshot's scripts use host function '" + name + "', which the configuration lacks", null);
            }
        }
        return new Sandbox(config, contents);
    }

    /**
     * The whole script state of this sandbox as portable bytes, for {@link #restore}: about the
     * size of the live JS state (garbage is collected first and free heap is left out), not of
     * the memory limit. The sandbox itself is unchanged and stays usable.
     */
    public byte[] snapshot() {
        acquire();
        try {
            TaskRunner.Outcome<EngineState> outcome = thread.run(() -> {
                return liveEngine().captureState();
            }, 0, 0, () -> {});
            if (!(outcome instanceof TaskRunner.Finished)) {
                Throwable cause = outcome instanceof TaskRunner.Failed ? ((TaskRunner.Failed<EngineState>) outcome).error() : null;
                throw new SandboxInternalException("cannot take a snapshot: " + cause, "", cause);
            }
            EngineState state = ((TaskRunner.Finished<EngineState>) outcome).value();
            return SnapshotCodec.encode(moduleSha256(), host.functionNames(), state);
        } finally {
            endCall();
        }
    }

    private static byte[] moduleSha256() {
        return java.util.HexFormat.of().parseHex(VersionInfo.current().moduleSha256());
    }

    /** A state can hold at most the whole wasm memory a sandbox of this configuration may have. */
    private static long maxSnapshotBytes(SandboxConfig config) {
        long memory = config.memoryLimitBytes() + ioReserveBytes(config) + (4L << 20);
        return memory + memory / EngineState.BLOCK * 4 + (1 << 20);
    }

    private static int ioReserveBytes(SandboxConfig config) {
        return config.maxSourceBytes() + config.maxHostPayloadBytes() + 4096 + prelude(config).residentBytes();
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
        byte[] source = EngineText.encode(code);
        checkSize("source", source.length);
        return run(e -> e.eval(source, fileName), fileName);
    }

    /**
     * Evaluates a script and maps the value of its last expression statement to {@code type}:
     * {@code eval(code).as(type)}, see {@link EvalResult#as}.
     *
     * @throws ResultMappingException if the value does not map to {@code type}
     */
    public <T> T eval(String code, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return eval(code).as(type);
    }

    /**
     * Calls the global function {@code functionName} with Java arguments and maps its result
     * to {@code type}. Each argument is written as JSON by the sandbox's locked-down mapper
     * (records, POJOs, strings, numbers, lists, maps; a {@code JsonNode} as it is; {@code null}
     * as JSON null).
     *
     * @throws IllegalArgumentException if an argument cannot be written as JSON
     * @throws ResultMappingException if the result does not map to {@code type}
     */
    public <T> T call(String functionName, Class<T> type, Object... args) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(args, "args");
        TypedJson.Writer writer = TypedJson.writer(Object.class);
        List<JsonNode> json = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            try {
                json.add(writer.write(args[i]));
            } catch (MappingFailure e) {
                throw new IllegalArgumentException("call argument " + (i + 1) + " cannot be written as JSON ("
                        + e.getMessage() + ")", e);
            }
        }
        return call(functionName, json).as(type);
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

    /**
     * From any thread: stops the evaluation running now, if there is one, whatever the script
     * is doing; it ends with an {@link EvaluationCancelledException} within milliseconds. The
     * engine is asked to stop at its next interrupt poll, which keeps the sandbox's state; if it
     * has not polled within {@link #CANCEL_HARD_STOP_AFTER} (ten times that for the interpreter
     * engine), its thread is interrupted and the sandbox reset. An evaluation that starts after
     * this call is not affected.
     */
    public void cancel() {
        Object evaluation;
        synchronized (cancelLock) {
            evaluation = runningEvaluation;
            if (evaluation == null) {
                return;
            }
            host.requestStop(StopReason.CANCELLED);
        }
        hardStopUnlessUnwinding(evaluation, cancelHardStopAfter().toNanos());
    }

    /** The interpreter engine polls about a hundred times less often per second than the compiled ones. */
    private Duration cancelHardStopAfter() {
        return config.engine() == Engine.INTERPRETER ? CANCEL_HARD_STOP_AFTER.multipliedBy(10) : CANCEL_HARD_STOP_AFTER;
    }

    /**
     * After {@code delayNanos}, if {@code evaluation} still runs: interrupts its thread, unless the
     * engine has seen the stop request (it is unwinding by itself), in which case it gets a longer
     * while before the interrupt. Interrupting means the sandbox is reset.
     */
    private void hardStopUnlessUnwinding(Object evaluation, long delayNanos) {
        Watchdog.schedule(() -> {
            synchronized (cancelLock) {
                if (runningEvaluation != evaluation) {
                    return;
                }
                if (host.stopSeen() && delayNanos == cancelHardStopAfter().toNanos()) {
                    hardStopUnlessUnwinding(evaluation, CANCEL_UNWIND_GRACE.toNanos());
                } else {
                    thread.interrupt(thread.runningTask());
                }
            }
        }, delayNanos);
    }

    /** How long {@link #cancel()} waits for the engine's own poll before stopping it hard. */
    public static final Duration CANCEL_HARD_STOP_AFTER = Duration.ofMillis(25);

    /** How long an engine that has seen the cancel may take to unwind before it is stopped hard. */
    private static final Duration CANCEL_UNWIND_GRACE = Duration.ofMillis(200);

    /** Discards all script state: the next evaluation starts in a fresh context. */
    public void reset() {
        acquire();
        try {
            replaceEngine();
        } finally {
            endCall();
        }
    }

    /**
     * A fresh context, on the caller's thread: the engine restarted in place from its template (a
     * few microseconds), or a new one after a crash. If that fails, the next call makes one.
     */
    private void replaceEngine() {
        EngineInstance current = engine;
        engine = null;
        engineLost = false;
        try {
            onSetUpThread(() -> engine = current != null ? prepared(restarted(current)) : newEngine());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            engine = null; // liveEngine() makes one within the next evaluation
        }
    }

    /**
     * For tests: whether the engine is hibernating, and the JVM heap its memory holds beyond the
     * template it shares (own pages, or the differences they were folded into).
     */
    record MemoryState(boolean hibernating, long privateBytes) {}

    MemoryState memoryState() {
        acquire();
        try {
            EngineInstance current = engine;
            return current == null ? new MemoryState(false, 0)
                    : new MemoryState(current.hibernating(), current.privateMemoryBytes());
        } finally {
            owner.set(null);
        }
    }

    /** True once {@link #close()} was called or the engine could not be stopped. */
    public boolean isClosed() {
        return closedReason != null;
    }

    /**
     * Closes the sandbox; later calls fail with {@link SandboxStateException}. May be called from
     * any thread: an evaluation running meanwhile is stopped like a hard stop and fails with
     * {@link SandboxStateException} (or returns, if it finished first).
     */
    @Override
    public void close() {
        if (closedReason == null) {
            closedReason = "the sandbox is closed";
        }
        thread.close();
        if (owner.compareAndSet(null, Thread.currentThread())) {
            try {
                release(); // nothing is running: let go of the wasm instance now
            } finally {
                owner.set(null);
            }
        } // else the evaluation running now lets go of it as it returns
    }

    /** A closed sandbox keeps no wasm instance (its memory is the arena and more) reachable. */
    private void release() {
        engine = null;
        host.watchFuel(null, 0);
    }

    // ---- evaluation ----

    private interface Operation {
        RawOutcome run(EngineInstance engine);
    }

    private EvalResult run(Operation operation, String fileName) {
        acquire();
        try {
            if (engineLost) {
                replaceEngine(); // after a crash: outside the evaluation's time budget
                Throwable lost = lostWhileHibernating;
                if (lost != null) {
                    lostWhileHibernating = null;
                    throw new SandboxInternalException("the engine failed while the idle sandbox hibernated (" + lost
                            + "); its state is lost and it was reset: this call did not run", "", lost);
                }
            }
            long timeoutNanos = config.timeout().toNanos();
            long graceNanos = config.hardStopGrace().toNanos();
            synchronized (cancelLock) {
                host.beginEvaluation();
                runningEvaluation = new Object();
            }
            TaskRunner.Outcome<Attempt> outcome;
            try {
                outcome = thread.run(
                        () -> attempt(operation),
                        timeoutNanos == 0 ? 0 : timeoutNanos + graceNanos,
                        graceNanos,
                        () -> host.requestStop(StopReason.TIMEOUT));
            } finally {
                synchronized (cancelLock) {
                    runningEvaluation = null;
                }
            }
            if (outcome instanceof TaskRunner.Abandoned) {
                closedReason = "the sandbox was closed: its engine did not stop after the timeout";
                throw new ScriptTimeoutException(config.timeout().toMillis(), true, host.output(), null);
            }
            if (closedReason != null && !(outcome instanceof TaskRunner.Finished
                    && ((TaskRunner.Finished<Attempt>) outcome).value().crash() == null)) {
                // close() stopped the engine (or kept it from starting)
                throw closedDuringEvaluation(outcome instanceof TaskRunner.Failed
                        ? ((TaskRunner.Failed<Attempt>) outcome).error() : null);
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
                    return judge.crashed(attempt); // the next call makes the replacement, untimed
                }
                return judge.completed(attempt, fileName);
            } catch (SandboxException e) {
                throw attempt.fuelUsed() >= 0 && e.fuelUsed().isEmpty() ? e.withFuelUsed(attempt.fuelUsed()) : e;
            }
        } finally {
            if (closedReason != null) {
                release(); // closed during this evaluation
            }
            endCall();
        }
    }

    private SandboxStateException closedDuringEvaluation(Throwable cause) {
        return new SandboxStateException("the sandbox was closed during the evaluation", host.output(), cause);
    }

    /** Runs on the evaluation thread. Any throwable means the heap may be half-updated. */
    private Attempt attempt(Operation operation) {
        FuelGauge gauge = null;
        EngineInstance current = engine;
        try {
            host.startClock(System.nanoTime());
            current = liveEngine();
            gauge = current.fuel();
            if (gauge != null) {
                gauge.fill(fuelBudget.tank());
                host.watchFuel(gauge, fuelBudget.reserve());
            }
            long start = System.nanoTime();
            RawOutcome outcome = operation.run(current);
            long evalNanos = System.nanoTime() - start;
            Attempt finished = Attempt.finished(outcome, evalNanos, current.memoryUsed(), fuelUsed(gauge));
            if (Duration.ZERO.equals(config.hibernateWhenIdle())) {
                current.hibernate();
            }
            return finished;
        } catch (Throwable crash) {
            // Never reuse a heap the crash may have left half-updated; the replacement is made
            // at the start of the next call, outside that call's time budget.
            // Clear a hard-stop interrupt first: Chicory would throw it again on the next wasm call.
            // Set it again afterwards: the runner clears the interrupts it delivered (its watchdog's,
            // close()'s) and leaves one from the caller set.
            boolean interrupted = Thread.interrupted();
            boolean cStackOverflow = current != null && current.cStackOverflowed();
            engine = null;
            engineLost = true;
            long fuelUsed = fuelUsed(gauge);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return Attempt.crashed(fuelUsed, gauge != null && gauge.trapped(), cStackOverflow, crash);
        }
    }

    /** The engine, made now if a crash discarded it and no replacement was made yet. */
    private EngineInstance liveEngine() {
        if (engine == null) {
            engine = newEngine();
            engineLost = false;
        }
        return engine;
    }

    private long fuelUsed(FuelGauge gauge) {
        return gauge == null ? -1 : fuelBudget.used(gauge.left());
    }

    private EngineInstance newEngine() {
        return prepared(EngineInstance.create(config.engine(), config.fuelMetered(), config.memoryLimitBytes(),
                ioReserveBytes(config), prelude(config), host, config.flatMemory()));
    }

    private static Prelude prelude(SandboxConfig config) {
        return config.prelude();
    }

    private static EngineInstance restarted(EngineInstance engine) {
        engine.restart();
        return engine;
    }

    /** A fresh context made this sandbox's: its random seed and host functions. */
    private EngineInstance prepared(EngineInstance fresh) {
        fresh.setRandomSeed(randomSeed);
        defineHostFunctions(fresh, 0);
        return fresh;
    }

    /** The restored state already binds its host functions; the configuration's others are added. */
    private EngineInstance restoredEngine(SnapshotCodec.Contents restored) {
        EngineInstance created = EngineInstance.restore(config.engine(), config.fuelMetered(), restored.state(),
                ioReserveBytes(config), prelude(config), host, config.flatMemory());
        defineHostFunctions(created, restored.hostFunctionNames().size());
        return created;
    }

    private void defineHostFunctions(EngineInstance created, int fromId) {
        List<String> names = host.functionNames();
        for (int id = fromId; id < names.size(); id++) {
            created.defineHostFunction(names.get(id), id);
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
        Thread me = Thread.currentThread();
        while (!owner.compareAndSet(null, me)) {
            Object holder = owner.get();
            if (closedReason != null) {
                throw new SandboxStateException(closedReason); // close() holds the sandbox for a moment
            }
            if (holder != HIBERNATING && holder != null) {
                throw new SandboxStateException(
                        "the sandbox is in use by another thread (one evaluation at a time)");
            }
            Thread.onSpinWait(); // hibernating takes tens of microseconds
        }
        if (closedReason != null) {
            owner.set(null);
            throw new SandboxStateException(closedReason);
        }
    }

    /** Ends a call: the sandbox is idle from now, and hibernates if it stays so. */
    private void endCall() {
        idleSince = System.nanoTime();
        owner.set(null);
        scheduleHibernation();
    }

    private void scheduleHibernation() {
        Duration idle = config.hibernateWhenIdle();
        if (idle != null && !idle.isZero() && closedReason == null && hibernationScheduled.compareAndSet(false, true)) {
            Watchdog.schedule(this::hibernateIfIdle, idle.toNanos());
        }
    }

    /**
     * On the watchdog: if the sandbox has been idle long enough, hibernates it on an evaluation
     * thread (not here: the watchdog must stay free for time limits); otherwise looks again later.
     */
    private void hibernateIfIdle() {
        long idleFor = System.nanoTime() - idleSince;
        long wanted = config.hibernateWhenIdle().toNanos();
        if (closedReason != null) {
            hibernationScheduled.set(false);
        } else if (idleFor < wanted) {
            Watchdog.schedule(this::hibernateIfIdle, wanted - idleFor);
        } else {
            hibernationScheduled.set(false);
            EvalThreads.execute(this::hibernateNow);
        }
    }

    /** Hibernates the engine, or looks again later if something holds the sandbox now. */
    private void hibernateNow() {
        if (!owner.compareAndSet(null, HIBERNATING)) {
            scheduleHibernation();
            return;
        }
        try {
            EngineInstance current = engine;
            if (current != null && closedReason == null) {
                current.hibernate();
            }
        } catch (RuntimeException | Error e) {
            // a fault while collecting garbage: the state is gone; the next call says so, then
            // goes on in a fresh context
            engine = null;
            engineLost = true;
            lostWhileHibernating = e;
        } finally {
            owner.set(null);
            if (closedReason != null) {
                release();
            }
        }
    }
}
