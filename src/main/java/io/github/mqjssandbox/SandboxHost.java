package io.github.mqjssandbox;

import io.github.mqjssandbox.internal.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.mqjssandbox.internal.wasm.FuelGauge;
import io.github.mqjssandbox.internal.wasm.HostCalls;
import io.github.mqjssandbox.internal.EngineText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host side of one sandbox, as the engine sees it: output, the interrupt poll (timeout
 * and limit stops), the clock and host functions. Keeps the per-evaluation state that the
 * outcome is judged by, in particular why the host asked the engine to stop.
 */
final class SandboxHost implements HostCalls {
    private static final int MAX_ERROR_MESSAGE_CHARS = 1024;

    private final SandboxConfig config;
    private final List<Map.Entry<String, HostFunction>> functions;
    private final OutputBuffer output;

    private volatile StopReason stopReason;
    /** The engine polled after a stop was requested: it is unwinding on its own. */
    private volatile boolean stopSeen;
    private long deadlineNanos;
    private boolean hasDeadline;
    private HostFailure lastHostFailure;
    private FuelGauge fuel;
    private long fuelReserve;

    /** A host function that failed during this evaluation, and the message the script got. */
    record HostFailure(String functionName, String messageForScript, Throwable cause) {}

    SandboxHost(SandboxConfig config) {
        this(config, List.of());
    }

    /**
     * Host functions get ids in the order of {@code firstIds} (the ids a restored state's JS
     * closures already hold), then the rest of the configuration's in its order.
     */
    SandboxHost(SandboxConfig config, List<String> firstIds) {
        this.config = config;
        Map<String, HostFunction> remaining = new LinkedHashMap<>(config.hostFunctions());
        this.functions = new ArrayList<>();
        for (String name : firstIds) {
            HostFunction function = remaining.remove(name);
            if (function == null) {
                throw new IllegalArgumentException(name);
            }
            functions.add(Map.entry(name, function));
        }
        functions.addAll(remaining.entrySet());
        this.output = new OutputBuffer(config.maxOutputBytes(), config.outputListener());
    }

    /** The host functions in id order. */
    List<String> functionNames() {
        List<String> names = new ArrayList<>();
        functions.forEach(e -> names.add(e.getKey()));
        return names;
    }

    /** Clears the last evaluation's state; the time limit starts with {@link #startClock}. */
    void beginEvaluation() {
        output.clear();
        stopReason = null;
        stopSeen = false;
        lastHostFailure = null;
        fuel = null;
        hasDeadline = false;
    }

    /** On the evaluation's thread, as the engine starts: its time limit runs from now. */
    void startClock(long startNanos) {
        deadlineNanos = startNanos + config.timeout().toNanos();
        hasDeadline = !config.timeout().isZero();
    }

    /**
     * Stops the script at the next interrupt poll once fewer than {@code reserve} units are
     * left: the first, clean stage of a fuel stop (the second is the metered code's own trap).
     */
    void watchFuel(FuelGauge gauge, long reserve) {
        this.fuel = gauge;
        this.fuelReserve = reserve;
    }

    /** Asks the engine to stop at its next interrupt poll; the first reason wins. */
    void requestStop(StopReason reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    StopReason stopReason() {
        return stopReason;
    }

    /** Whether the engine has polled since the stop was requested, and so is unwinding cleanly. */
    boolean stopSeen() {
        return stopSeen;
    }

    HostFailure lastHostFailure() {
        return lastHostFailure;
    }

    String output() {
        return output.text();
    }

    /**
     * Once the host asked the engine to stop, nothing the script does reaches the host any
     * more: the engine's stop is uncatchable, but a few builtins (the sort comparator, the
     * replace callback) swallow any exception of their callback, so the script can run on
     * until the next interrupt poll.
     */
    @Override
    public boolean write(byte[] utf8) {
        if (stopReason != null) {
            return false;
        }
        if (!output.append(utf8)) {
            requestStop(StopReason.OUTPUT);
            return false;
        }
        return true;
    }

    @Override
    public boolean shouldInterrupt() {
        if (stopReason != null) {
            stopSeen = true;
            return true;
        }
        if (fuel != null && fuel.left() < fuelReserve) {
            requestStop(StopReason.FUEL);
            return true;
        }
        if (hasDeadline && System.nanoTime() - deadlineNanos >= 0) {
            requestStop(StopReason.TIMEOUT);
            return true;
        }
        return false;
    }

    @Override
    public double nowMillis() {
        return config.clock().getAsLong();
    }

    @Override
    public HostReply call(int id, byte[] argsJson) {
        if (id < 0 || id >= functions.size()) {
            return fail("?", "unknown host function", null);
        }
        String name = functions.get(id).getKey();
        if (stopReason != null) {
            return fail(name, "host function '" + name + "' was not called: the script is being stopped", null);
        }
        int limit = config.maxHostPayloadBytes();
        if (argsJson.length > limit) {
            return fail(name, "host function '" + name + "': arguments exceed " + limit + " bytes", null);
        }
        JsonNode args;
        try {
            args = JsonTrees.parse(argsJson);
        } catch (StreamConstraintsException tooDeep) {
            return fail(name, "host function '" + name + "': arguments nest deeper than "
                    + JsonTrees.MAX_NESTING_DEPTH + " levels", tooDeep);
        } catch (JsonProcessingException notJson) {
            return fail(name, "host function '" + name + "': arguments are not JSON", notJson);
        }
        if (!(args instanceof ArrayNode)) {
            return fail(name, "host function '" + name + "': arguments are not a JSON array", null);
        }
        JsonNode result;
        try {
            result = functions.get(id).getValue().call((ArrayNode) args);
        } catch (HostFunctionError visible) {
            return fail(name, String.valueOf(visible.getMessage()), visible);
        } catch (Exception hidden) {
            return fail(name, "host function '" + name + "' failed", hidden);
        }
        if (result == null || result instanceof MissingNode) {
            return new HostReply(new byte[0], false);
        }
        byte[] json;
        try {
            json = JsonTrees.toBytes(result);
        } catch (Exception e) {
            return fail(name, "host function '" + name + "' returned a value that is not JSON", e);
        }
        if (json.length > limit) {
            return fail(name, "host function '" + name + "': result exceeds " + limit + " bytes", null);
        }
        return new HostReply(json, false);
    }

    private HostReply fail(String name, String fullMessage, Throwable cause) {
        String message = fullMessage.length() > MAX_ERROR_MESSAGE_CHARS
                ? fullMessage.substring(0, MAX_ERROR_MESSAGE_CHARS) + "..."
                : fullMessage;
        lastHostFailure = new HostFailure(name, message, cause);
        return new HostReply(EngineText.encode(message), true);
    }
}
