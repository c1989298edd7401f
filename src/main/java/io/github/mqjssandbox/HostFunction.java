package io.github.mqjssandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A Java function exposed to scripts as a global JS function. It sees only JSON: the call's
 * arguments as a JSON array (as {@code JSON.stringify} renders them) and returns a JSON value
 * for the script ({@code null} or a {@code MissingNode} give {@code undefined}).
 *
 * <p>If it throws, the script sees an {@code Error}: with the exception's message when it is
 * a {@link HostFunctionError}, or a generic message otherwise, so no Java detail ever leaks
 * into the sandbox. It runs on the sandbox's evaluation thread, within the eval's timeout.
 */
@FunctionalInterface
public interface HostFunction {
    JsonNode call(ArrayNode args) throws Exception;
}
