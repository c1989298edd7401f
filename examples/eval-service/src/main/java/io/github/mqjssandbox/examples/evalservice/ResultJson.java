package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.SandboxException;
import java.util.OptionalInt;

/**
 * The body of a {@code POST /eval} that reached the sandbox: the object the CLI prints with
 * {@code --json} (same fields, same meaning: see the root README), plus what a service adds:
 * {@code memoryUsedBytes} on success, and on every result the {@code limits} applied and the
 * names of those {@code capped} to the server's maxima.
 */
final class ResultJson {
    private ResultJson() {}

    static ObjectNode success(EvalResult result, AppliedLimits applied) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("ok", true);
        json.set("value", result.value()); // null (no JSON form) becomes JSON null, as in the CLI
        json.put("display", result.display());
        json.put("output", result.output());
        result.fuelUsed().ifPresent(fuel -> json.put("fuelUsed", fuel));
        json.put("evalNanos", result.evalNanos());
        json.put("memoryUsedBytes", result.memoryUsedBytes());
        return withLimits(json, applied);
    }

    static ObjectNode failure(SandboxException error, AppliedLimits applied) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("ok", false);
        ObjectNode detail = json.putObject("error");
        detail.put("kind", error.kind().label());
        if (error instanceof JsException js) {
            detail.put("name", js.name());
            detail.put("message", js.jsMessage());
            putPosition(detail, "line", js.line());
            putPosition(detail, "column", js.column());
            if (!js.jsStack().isEmpty()) {
                detail.put("stack", js.jsStack());
            }
        } else {
            detail.putNull("name");
            detail.put("message", error.getMessage());
            detail.putNull("line");
            detail.putNull("column");
        }
        json.put("output", error.output());
        error.fuelUsed().ifPresent(fuel -> json.put("fuelUsed", fuel));
        return withLimits(json, applied);
    }

    private static ObjectNode withLimits(ObjectNode json, AppliedLimits applied) {
        json.set("limits", applied.limits().toJson());
        applied.capped().forEach(json.putArray("capped")::add);
        return json;
    }

    private static void putPosition(ObjectNode detail, String field, OptionalInt position) {
        if (position.isPresent()) {
            detail.put(field, position.getAsInt());
        } else {
            detail.putNull(field);
        }
    }
}
