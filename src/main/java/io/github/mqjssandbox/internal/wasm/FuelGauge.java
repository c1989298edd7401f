package io.github.mqjssandbox.internal.wasm;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;

/**
 * The fuel counter of a metered instance: the globals {@code sbx_fuel_left} (units left; the
 * metered code traps when it goes below zero) and {@code sbx_fuel_trapped} (set just before
 * that trap, so a fuel trap can be told from any other).
 */
public final class FuelGauge {
    static final String FUEL_LEFT = "sbx_fuel_left";
    static final String FUEL_TRAPPED = "sbx_fuel_trapped";

    private final GlobalInstance left;
    private final GlobalInstance trapped;

    FuelGauge(Instance instance) {
        this.left = instance.exports().global(FUEL_LEFT);
        this.trapped = instance.exports().global(FUEL_TRAPPED);
    }

    /** Sets the units left and clears the trap flag. */
    public void fill(long units) {
        left.setValue(units);
        trapped.setValue(0);
    }

    public long left() {
        return left.getValue();
    }

    /** True when the last trap was the metered code running out of fuel. */
    public boolean trapped() {
        return trapped.getValue() != 0;
    }
}
