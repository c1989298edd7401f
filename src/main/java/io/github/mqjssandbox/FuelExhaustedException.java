package io.github.mqjssandbox;

/**
 * The script consumed more fuel than its limit. {@link #limit()} is the limit in fuel units;
 * {@link #fuelUsed()} what was consumed when it was stopped (deterministic for the same script,
 * settings and module, in every engine).
 */
public final class FuelExhaustedException extends LimitExceededException {
    private static final long serialVersionUID = 1L;

    FuelExhaustedException(long limit, long used, boolean sandboxWasReset, String output, Throwable cause) {
        super("fuel: limit " + limit + " units reached (" + used + " used)", limit, sandboxWasReset, output, cause);
        withFuelUsed(used);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.FUEL;
    }
}
