package io.github.mqjssandbox;

/**
 * The fuel of one evaluation. The tank holds the limit plus a reserve: the engine's interrupt
 * poll stops the script cleanly once the limit is spent (first stage); code that never polls
 * (a long builtin, a regex) runs on into the reserve, and when that is gone too the metered
 * code traps and the instance is replaced (second stage). Either way, and also when a script
 * ends between two polls past its limit, the evaluation fails: it succeeds only if it used at
 * most its limit.
 */
final class FuelBudget {
    /** Covers the work between two interrupt polls (thousands of JS bytecodes) many times over. */
    static final long BASE_RESERVE = 5_000_000;

    private final long limit;
    private final long reserve;

    FuelBudget(long limit) {
        this.limit = limit;
        this.reserve = limit == 0 ? 0 : BASE_RESERVE + limit / 10;
    }

    long tank() {
        return limit + reserve;
    }

    long reserve() {
        return reserve;
    }

    /** Units consumed, given what is left in the tank (negative after the trap). */
    long used(long left) {
        return tank() - left;
    }

    boolean exceededBy(long used) {
        return limit > 0 && used > limit;
    }
}
