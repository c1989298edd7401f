package io.github.mqjssandbox.examples.lambda;

import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.SandboxException;

/**
 * The answer: the script's value or its error, what it printed, and the limits it actually ran
 * under (they may be lower than it asked for). A bean with getters, which Lambda's runtime
 * writes as JSON; the value is JSON text, since the runtime would not write a Jackson tree.
 */
public final class ScriptResult {
    private final boolean ok;
    private final String valueJson;
    private final String output;
    private final String errorKind;
    private final String errorMessage;
    private final Long fuelUsed;
    private final RequestLimits limits;

    private ScriptResult(boolean ok, String valueJson, String output, String errorKind, String errorMessage,
            Long fuelUsed, RequestLimits limits) {
        this.ok = ok;
        this.valueJson = valueJson;
        this.output = output;
        this.errorKind = errorKind;
        this.errorMessage = errorMessage;
        this.fuelUsed = fuelUsed;
        this.limits = limits;
    }

    static ScriptResult of(EvalResult result, RequestLimits limits) {
        String json = result.value() == null ? null : result.value().toString();
        return new ScriptResult(true, json, result.output(), null, null, boxed(result.fuelUsed()), limits);
    }

    /** The script failed: {@code errorKind} is the library's {@code ErrorKind} label. */
    static ScriptResult failed(SandboxException e, RequestLimits limits) {
        return new ScriptResult(false, null, e.output(), e.kind().label(), e.getMessage(), boxed(e.fuelUsed()), limits);
    }

    /** The request itself was unusable; nothing ran. */
    static ScriptResult rejected(String why) {
        return new ScriptResult(false, null, "", "request", why, null, null);
    }

    private static Long boxed(java.util.OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    public boolean isOk() {
        return ok;
    }

    /** {@code JSON.stringify} of the value, or null when it has none (or on failure). */
    public String getValueJson() {
        return valueJson;
    }

    public String getOutput() {
        return output;
    }

    /** syntax, runtime, timeout, fuel, memory, output, host, internal, cancelled; or request. */
    public String getErrorKind() {
        return errorKind;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public Long getFuelUsed() {
        return fuelUsed;
    }

    public Long getTimeoutMillis() {
        return limits == null ? null : limits.timeout().toMillis();
    }

    public Long getFuelLimit() {
        return limits == null ? null : limits.fuelLimit();
    }

    public Integer getMemoryLimitBytes() {
        return limits == null ? null : limits.memoryLimitBytes();
    }
}
