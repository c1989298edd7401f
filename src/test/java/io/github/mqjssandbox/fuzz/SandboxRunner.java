package io.github.mqjssandbox.fuzz;

import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.FuelExhaustedException;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.MemoryLimitException;
import io.github.mqjssandbox.OutputLimitException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.SandboxInternalException;
import io.github.mqjssandbox.ScriptTimeoutException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

/** Runs a program in a fresh sandbox, as the native reference runs it: same heap size, seed 1. */
public final class SandboxRunner {
    /** A fuel limit so high that no generated program meets it: only to run the metered module. */
    static final long UNMETERED_BUDGET = 1L << 50;

    private final Engine engine;
    private final boolean metered;
    private final int memoryLimit;
    private final Duration timeout;
    private final int maxOutputBytes;

    public SandboxRunner(Engine engine, boolean metered, int memoryLimit, Duration timeout, int maxOutputBytes) {
        this.engine = engine;
        this.metered = metered;
        this.memoryLimit = memoryLimit;
        this.timeout = timeout;
        this.maxOutputBytes = maxOutputBytes;
    }

    public SandboxRunner withMemoryLimit(int bytes) {
        return new SandboxRunner(engine, metered, bytes, timeout, maxOutputBytes);
    }

    public int memoryLimit() {
        return memoryLimit;
    }

    public String name() {
        return engine.name().toLowerCase() + (metered ? "+fuel" : "");
    }

    public Outcome run(String source) {
        SandboxConfig.Builder config = SandboxConfig.builder()
                .engine(engine)
                .randomSeed(1)
                .fixedClock(1_700_000_000_000L)
                .memoryLimitBytes(memoryLimit)
                .timeout(timeout)
                .maxOutputBytes(maxOutputBytes)
                .compatPrelude(false); // the native reference is the engine alone
        if (metered) {
            config.fuelLimit(UNMETERED_BUDGET);
        }
        try (Sandbox sandbox = Sandbox.create(config.build())) {
            EvalResult r = sandbox.eval(source, NativeReference.FILE_NAME);
            return new Outcome(Outcome.Kind.OK, r.value() == null ? null : r.value().toString(), r.display(), null, null,
                    null, r.output(), null);
        } catch (MemoryLimitException e) {
            return new Outcome(Outcome.Kind.MEMORY, null, null, null, null, null, e.output(), e.getMessage());
        } catch (ScriptTimeoutException | FuelExhaustedException e) {
            return Outcome.of(Outcome.Kind.TIMEOUT, e.getMessage());
        } catch (OutputLimitException e) {
            return Outcome.of(Outcome.Kind.OUTPUT_LIMIT, e.getMessage());
        } catch (JsException e) {
            if (Outcome.isMemoryMessage(e.name(), e.jsMessage())) {
                return new Outcome(Outcome.Kind.MEMORY, null, null, null, null, null, e.output(), e.jsMessage());
            }
            Outcome.Kind kind = e.kind() == io.github.mqjssandbox.ErrorKind.SYNTAX ? Outcome.Kind.SYNTAX : Outcome.Kind.RUNTIME;
            return new Outcome(kind, null, null, e.name(), e.jsMessage(), e.jsStack().isEmpty() ? null : e.jsStack(),
                    e.output(), null);
        } catch (SandboxInternalException e) {
            return new Outcome(Outcome.Kind.INTERNAL, null, null, null, null, null, e.output(), stackTrace(e));
        } catch (RuntimeException e) {
            return Outcome.of(Outcome.Kind.INTERNAL, stackTrace(e));
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
