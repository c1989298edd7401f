package io.github.mqjssandbox;

import java.util.OptionalLong;

/**
 * The root of every failure of a sandbox: JS errors ({@link JsException}), exceeded
 * limits ({@link LimitExceededException}) and sandbox faults ({@link SandboxInternalException}).
 * Each carries the output the script wrote before it failed.
 */
public abstract class SandboxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String output;
    private long fuelUsed = -1;

    SandboxException(String message, String output, Throwable cause) {
        super(message, cause);
        this.output = output == null ? "" : output;
    }

    /** What kind of failure this is. */
    public abstract ErrorKind kind();

    /** Fuel units consumed up to the failure, when fuel metering is on. */
    public OptionalLong fuelUsed() {
        return fuelUsed < 0 ? OptionalLong.empty() : OptionalLong.of(fuelUsed);
    }

    /** Set once by the sandbox before the exception leaves it. */
    SandboxException withFuelUsed(long units) {
        this.fuelUsed = units;
        return this;
    }

    /** What print/console.log wrote before the failure. */
    public String output() {
        return output;
    }
}
