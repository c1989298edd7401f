package io.github.mqjssandbox;

/**
 * A snapshot that {@link Sandbox#restore(byte[], SandboxConfig)} refused. Nothing was
 * restored: no sandbox exists for it.
 */
public final class SnapshotException extends SandboxInternalException {
    private static final long serialVersionUID = 1L;

    /** Why the snapshot was refused. */
    public enum Problem {
        /** Larger than any state the configuration's memory limit could hold. */
        OVERSIZED,
        /** The bytes end before the structure they declare. */
        TRUNCATED,
        /** The checksum or the structure does not hold: the bytes were changed. */
        CORRUPT,
        /** Taken with another engine module (or snapshot format) than this library's. */
        FOREIGN_MODULE,
        /** Valid, but not for this configuration: another memory limit or missing host functions. */
        INCOMPATIBLE_CONFIG,
    }

    private final Problem problem;

    SnapshotException(Problem problem, String message, Throwable cause) {
        super(message, "", cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
