package io.github.mqjssandbox.transpile;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Sandbox} that accepts modern JavaScript: each script is transpiled to ES5 on the host
 * first, and errors point at the script as written.
 *
 * <pre>{@code
 * Transpiler transpiler = Transpiler.create(TranspileOptions.forSandbox(config)); // one per process
 * try (TranspilingSandbox sandbox = TranspilingSandbox.create(config, transpiler)) {
 *     sandbox.eval("const total = (...xs) => xs.reduce((a, b) => a + b, 0); total(1, 2, 3)").value(); // 6
 * } catch (TranspileException e) {          // did not transpile, nothing ran: e.problem(), e.line(), e.column()
 * } catch (TranspiledScriptException e) {   // a JS error: e.name(), e.jsMessage(), e.line(), e.column() as written
 * } catch (SandboxException e) {            // a limit (timeout, memory, fuel, output) or a sandbox fault
 * }
 * }</pre>
 *
 * <p>Everything else is the wrapped sandbox's: its limits, its state across scripts (globals
 * persist), {@link #sandbox()} for {@code snapshot}, {@code reset} or {@code cancel}. Like a
 * sandbox, it is used by one thread at a time.
 */
public final class TranspilingSandbox implements AutoCloseable {
    private static final String DEFAULT_FILE_NAME = "<eval>";

    private final Sandbox sandbox;
    private final Transpiler transpiler;
    private final ScriptsByName scripts = new ScriptsByName();
    /** Set by the first script that brings Promise's job queue; a later one may queue jobs without it. */
    private boolean promiseJobs;

    private TranspilingSandbox(Sandbox sandbox, Transpiler transpiler) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.transpiler = Objects.requireNonNull(transpiler, "transpiler");
    }

    /**
     * A new sandbox of {@code config} with its own transpiler (and cache), made from the same
     * config's limits. For many sandboxes, share one transpiler with {@link #create(SandboxConfig, Transpiler)}.
     */
    public static TranspilingSandbox create(SandboxConfig config) {
        return create(config, Transpiler.create(TranspileOptions.forSandbox(config)));
    }

    /** A new sandbox of {@code config}, transpiling with {@code transpiler}. */
    public static TranspilingSandbox create(SandboxConfig config, Transpiler transpiler) {
        Objects.requireNonNull(transpiler, "transpiler");
        return new TranspilingSandbox(Sandbox.create(config), transpiler);
    }

    /**
     * Transpiles into {@code sandbox}, which this object then owns: {@link #close()} closes it.
     * (For a pool's lease, use {@link Transpiler#eval(Transpiler.Evaluator, String, String)}.)
     */
    public static TranspilingSandbox wrap(Sandbox sandbox, Transpiler transpiler) {
        return new TranspilingSandbox(sandbox, transpiler);
    }

    /**
     * Transpiles and evaluates a script; the result is the value of its last expression statement.
     * Promise jobs it queued ({@code then} callbacks, {@code async} functions past an
     * {@code await}) run next, as an event loop would run them once the script has returned.
     */
    public EvalResult eval(String code) {
        return eval(code, DEFAULT_FILE_NAME);
    }

    /**
     * Transpiles and evaluates a script, naming it {@code fileName} in stack traces. Functions it
     * defines keep mapping their errors to it until another script is evaluated under the same
     * name: give scripts distinct names when later calls must point into each.
     *
     * @throws TranspileException when the script does not transpile (nothing ran)
     * @throws TranspiledScriptException when it throws, positions mapped to the script as written
     */
    public EvalResult eval(String code, String fileName) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(fileName, "fileName");
        TranspiledScript script = transpiler.transpile(code);
        scripts.remember(fileName, script);
        EvalResult result;
        try {
            result = sandbox.eval(script.code(), fileName);
        } catch (JsException e) {
            throw ErrorPositions.map(e, fileName, scripts::get);
        }
        promiseJobs |= script.queuesPromiseJobs();
        runPromiseJobs();
        return result;
    }

    /** Calls a global function, as {@link Sandbox#call}, with errors mapped like {@link #eval}'s. */
    public EvalResult call(String functionName, JsonNode... args) {
        return call(functionName, List.of(args));
    }

    /** Calls a global function; Promise jobs it queued run next, as after {@link #eval}. */
    public EvalResult call(String functionName, List<? extends JsonNode> args) {
        EvalResult result;
        try {
            result = sandbox.call(functionName, args);
        } catch (JsException e) {
            throw ErrorPositions.map(e, DEFAULT_FILE_NAME, scripts::get);
        }
        runPromiseJobs();
        return result;
    }

    /**
     * Runs the Promise jobs waiting in the sandbox once a script has brought the queue (after a
     * failed script or call they wait for the next one that succeeds). Errors map like eval's.
     */
    private void runPromiseJobs() {
        if (!promiseJobs) {
            return;
        }
        try {
            sandbox.eval(TranspiledScript.RUN_PROMISE_JOBS, PromiseJobs.FILE_NAME);
        } catch (JsException e) {
            throw ErrorPositions.map(e, PromiseJobs.FILE_NAME, scripts::get);
        }
    }

    /** The wrapped sandbox, for everything that needs no transpiling. */
    public Sandbox sandbox() {
        return sandbox;
    }

    public Transpiler transpiler() {
        return transpiler;
    }

    /** Closes the wrapped sandbox. */
    @Override
    public void close() {
        scripts.clear();
        sandbox.close();
    }
}
