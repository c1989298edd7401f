package io.github.mqjssandbox.examples.lambda;

/**
 * The event: a script and, optionally, the limits it asks for ({@link RequestLimits} decides
 * what it gets). A mutable bean because Lambda's Java runtime builds events with setters.
 */
public final class ScriptRequest {
    private String code;
    private Long timeoutMillis;
    private Long fuelLimit;
    private Long memoryLimitBytes;

    public ScriptRequest() {}

    public ScriptRequest(String code) {
        this.code = code;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Long getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(Long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public Long getFuelLimit() {
        return fuelLimit;
    }

    public void setFuelLimit(Long fuelLimit) {
        this.fuelLimit = fuelLimit;
    }

    public Long getMemoryLimitBytes() {
        return memoryLimitBytes;
    }

    public void setMemoryLimitBytes(Long memoryLimitBytes) {
        this.memoryLimitBytes = memoryLimitBytes;
    }
}
