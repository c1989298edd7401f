package io.github.mqjssandbox.examples.evalservice;

/**
 * The limits a request asked for; {@code null} where it asked for nothing (the server's default
 * applies). A number too large for a {@code long} arrives as {@link Long#MAX_VALUE}: it is
 * above every cap anyway.
 */
record RequestedLimits(Long memoryLimitBytes, Long timeoutMs, Long fuel, Long maxOutputBytes) {

    static final RequestedLimits NONE = new RequestedLimits(null, null, null, null);
}
