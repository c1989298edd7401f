package io.github.mqjssandbox.examples.evalservice;

/** A {@code POST /eval} body: the script and the limits it asks for. */
record EvalRequest(String code, RequestedLimits limits) {}
