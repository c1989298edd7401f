package io.github.mqjssandbox.examples.evalservice;

import java.util.List;

/** The limits an evaluation gets, and the names of those lowered to the server's maxima. */
record AppliedLimits(Limits limits, List<String> capped) {

    AppliedLimits {
        capped = List.copyOf(capped);
    }
}
