package io.github.mqjssandbox.transpile;

/**
 * A {@link Transpiler}'s cache: the scripts and characters (ES5 code and source maps) it holds,
 * and how many lookups found a script ({@code hits}) or compiled one ({@code misses}).
 */
public record CacheStats(int entries, long chars, long hits, long misses) {}
