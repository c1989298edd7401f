package io.github.mqjssandbox.examples.evalservice;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's side of the limits: a default for what a request leaves out, and a maximum that
 * no request can exceed, whatever it asks for. A request may ask for less than the default.
 */
final class LimitPolicy {
    private final Limits defaults;
    private final Limits maxima;

    LimitPolicy(Limits defaults, Limits maxima) {
        maxima.toConfig(); // a maximum the library refuses would fail every request: fail at start instead
        if (defaults.memoryLimitBytes() > maxima.memoryLimitBytes() || defaults.timeoutMs() > maxima.timeoutMs()
                || defaults.fuel() > maxima.fuel() || defaults.maxOutputBytes() > maxima.maxOutputBytes()) {
            throw new IllegalArgumentException("default limits " + defaults + " exceed the maxima " + maxima);
        }
        this.defaults = defaults;
        this.maxima = maxima;
    }

    Limits defaults() {
        return defaults;
    }

    Limits maxima() {
        return maxima;
    }

    AppliedLimits apply(RequestedLimits requested) {
        List<String> capped = new ArrayList<>();
        Limits limits = new Limits(
                pick(Limits.MEMORY, requested.memoryLimitBytes(), defaults.memoryLimitBytes(), maxima.memoryLimitBytes(), capped),
                pick(Limits.TIMEOUT, requested.timeoutMs(), defaults.timeoutMs(), maxima.timeoutMs(), capped),
                pick(Limits.FUEL, requested.fuel(), defaults.fuel(), maxima.fuel(), capped),
                pick(Limits.OUTPUT, requested.maxOutputBytes(), defaults.maxOutputBytes(), maxima.maxOutputBytes(), capped));
        return new AppliedLimits(limits, capped);
    }

    private static long pick(String name, Long requested, long fallback, long maximum, List<String> capped) {
        if (requested == null) {
            return fallback;
        }
        if (requested > maximum) {
            capped.add(name);
            return maximum;
        }
        return requested;
    }
}
