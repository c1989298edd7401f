package io.github.mqjssandbox.compat;

import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Runs a {@link ScriptJob} in a sandbox, as vm-oracle.mjs runs it in Node. */
final class SandboxJobRunner {
    private final Sandbox sandbox;

    SandboxJobRunner(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Runs the job's scripts; the error of the first that fails, or null. */
    String load(ScriptJob job) {
        for (ScriptJob.Script script : job.scripts()) {
            try {
                sandbox.eval(source(script), script.name());
            } catch (SandboxException e) {
                return describe(e);
            }
        }
        return null;
    }

    JobResult.CallResult call(String call) {
        try {
            EvalResult result = sandbox.eval(call);
            if (result.value() == null) { // undefined, or a function: no JSON text, as in Node
                return JobResult.CallResult.undefinedValue();
            }
            return JobResult.CallResult.value(result.value());
        } catch (SandboxException e) {
            return JobResult.CallResult.thrown(describe(e));
        }
    }

    private static String source(ScriptJob.Script script) {
        if (script.path() == null) {
            return script.source();
        }
        try {
            return Files.readString(script.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Name: message" for a script's error; the kind of any other failure (a limit, say). */
    static String describe(SandboxException e) {
        if (e instanceof JsException js) {
            return js.name() + ": " + js.jsMessage();
        }
        return e.kind() + ": " + e.getMessage();
    }
}
