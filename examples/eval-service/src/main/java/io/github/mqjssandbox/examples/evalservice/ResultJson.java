package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.OutcomeJson;
import io.github.mqjssandbox.SandboxException;

/**
 * The body of a {@code POST /eval} that reached the sandbox: the object the CLI prints with
 * {@code --json} ({@link OutcomeJson}: same fields, same meaning, see the root README), plus what a service adds:
 * {@code memoryUsedBytes} on success, and on every result the {@code limits} applied and the
 * names of those {@code capped} to the server's maxima.
 */
final class ResultJson {
    private ResultJson() {}

    static ObjectNode success(EvalResult result, AppliedLimits applied) {
        ObjectNode json = OutcomeJson.of(result);
        json.put("evalNanos", result.evalNanos());
        json.put("memoryUsedBytes", result.memoryUsedBytes());
        return withLimits(json, applied);
    }

    static ObjectNode failure(SandboxException error, AppliedLimits applied) {
        return withLimits(OutcomeJson.of(error), applied);
    }

    private static ObjectNode withLimits(ObjectNode json, AppliedLimits applied) {
        json.set("limits", applied.limits().toJson());
        applied.capped().forEach(json.putArray("capped")::add);
        return json;
    }
}
