package io.github.mqjssandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.mqjssandbox.internal.MappingFailure;
import io.github.mqjssandbox.internal.TypedJson;

/**
 * A {@link TypedHostFunction} as the sandbox calls host functions: JSON arguments in, JSON out.
 * Everything else (payload bounds, error messages, the stop checks) stays with the JsonNode
 * path it plugs into. Mapping failures of the script's argument are the script's errors, with
 * messages it can read; a result that cannot be written as JSON is the host's, and the script
 * learns only that.
 */
final class TypedHostFunctionAdapter<A, R> implements HostFunction {
    private final String name;
    private final Class<A> argumentType;
    private final boolean takesNothing;
    private final boolean returnsNothing;
    private final TypedHostFunction<A, R> function;
    // Made when the function is registered: the mapper's start-up and the types' introspection
    // happen while configuring, not inside a script's time limit.
    private final TypedJson.Reader<A> reader;
    private final TypedJson.Writer writer;

    TypedHostFunctionAdapter(String name, Class<A> argumentType, Class<R> resultType, TypedHostFunction<A, R> function) {
        this.name = name;
        this.argumentType = argumentType;
        this.takesNothing = argumentType == Void.class || argumentType == void.class;
        this.returnsNothing = resultType == Void.class || resultType == void.class;
        this.function = function;
        this.reader = TypedJson.reader(argumentType);
        this.writer = TypedJson.writer(resultType);
    }

    @Override
    public JsonNode call(ArrayNode args) throws Exception {
        R result = function.call(argument(args));
        if (returnsNothing) {
            return null; // undefined for the script
        }
        try {
            return writer.write(result);
        } catch (MappingFailure e) {
            throw new HostFunctionError("host function '" + name + "' returned a value that is not JSON", e);
        }
    }

    /** The script's one argument as {@code A}; none (or undefined) maps as JSON null. */
    private A argument(ArrayNode args) {
        if (args.size() > (takesNothing ? 0 : 1)) {
            throw new HostFunctionError("host function '" + name + "' takes "
                    + (takesNothing ? "no argument" : "one argument (" + typeName() + ")") + ", got " + args.size());
        }
        if (takesNothing) {
            return null;
        }
        try {
            return reader.read(args.size() == 0 ? NullNode.getInstance() : args.get(0));
        } catch (MappingFailure e) {
            throw new HostFunctionError("host function '" + name + "': its argument does not map to "
                    + typeName() + " (" + e.getMessage() + ")", e);
        }
    }

    private String typeName() {
        return TypedJson.typeName(argumentType);
    }
}
