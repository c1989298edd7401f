package io.github.mqjssandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mqjssandbox.internal.JsonTrees;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An evaluation's outcome as the JSON object of the CLI's {@code --json} contract (README.md):
 * {@code {"ok": true, "value", "display", "output", "fuelUsed"?}} or {@code {"ok": false,
 * "error": {"kind", "name", "message", "line", "column", "stack"?}, "output", "fuelUsed"?}}.
 * The CLI and the eval service example print it; a caller may add fields of its own.
 *
 * <pre>{@code
 * ObjectNode json;
 * try {
 *     json = OutcomeJson.of(sandbox.eval(code));
 * } catch (SandboxException e) {
 *     json = OutcomeJson.of(e);
 * }
 * }</pre>
 */
public final class OutcomeJson {
    private OutcomeJson() {}

    /** A successful evaluation. */
    public static ObjectNode of(EvalResult result) {
        ObjectNode json = JsonTrees.nodes().objectNode();
        json.put("ok", true);
        json.set("value", result.value()); // null (no JSON form) is JSON null
        json.put("display", result.display());
        json.put("output", result.output());
        result.fuelUsed().ifPresent(fuel -> json.put("fuelUsed", fuel));
        return json;
    }

    /** A failed evaluation: a JS error with its name and position, or any other failure with its message. */
    public static ObjectNode of(SandboxException error) {
        if (error instanceof JsException js) {
            return failure(js.kind(), js.name(), js.jsMessage(), js.line(), js.column(), js.jsStack(), js.output(),
                    js.fuelUsed());
        }
        return failure(error.kind(), null, error.getMessage(), OptionalInt.empty(), OptionalInt.empty(), "",
                error.output(), error.fuelUsed());
    }

    /**
     * A failure described field by field, for errors that are not a {@link SandboxException}
     * (a transpiler's): {@code name} may be null, an empty {@code stack} is left out.
     */
    public static ObjectNode failure(ErrorKind kind, String name, String message, OptionalInt line,
            OptionalInt column, String stack, String output, OptionalLong fuelUsed) {
        ObjectNode json = JsonTrees.nodes().objectNode();
        json.put("ok", false);
        ObjectNode detail = json.putObject("error");
        detail.put("kind", kind.label());
        detail.put("name", name);
        detail.put("message", message);
        putPosition(detail, "line", line);
        putPosition(detail, "column", column);
        if (!stack.isEmpty()) {
            detail.put("stack", stack);
        }
        json.put("output", output);
        fuelUsed.ifPresent(fuel -> json.put("fuelUsed", fuel));
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
