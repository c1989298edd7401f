package io.github.mqjssandbox.transpile;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Transpiled scripts by the SHA-256 of their source, least recently used first out, bounded
 * both in entries and in characters held. A compile costs milliseconds to seconds, a lookup
 * microseconds: services tend to see the same scripts again.
 */
final class TranspileCache {
    private final int maxEntries;
    private final long maxChars;
    private final LinkedHashMap<String, TranspiledScript> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long chars;
    private long hits;
    private long misses;

    TranspileCache(int maxEntries, long maxChars) {
        this.maxEntries = maxEntries;
        this.maxChars = maxChars;
    }

    /** The key of a source: SHA-256 of its UTF-16 code units, lone surrogates included. */
    static String keyOf(String source) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        for (int i = 0; i < source.length(); i++) {
            if (chunk.remaining() < 2) {
                sha256.update(chunk.flip());
                chunk.clear();
            }
            chunk.putChar(source.charAt(i));
        }
        sha256.update(chunk.flip());
        return HexFormat.of().formatHex(sha256.digest());
    }

    synchronized TranspiledScript get(String key) {
        TranspiledScript script = entries.get(key);
        if (script == null) {
            misses++;
        } else {
            hits++;
        }
        return script;
    }

    synchronized void put(String key, TranspiledScript script) {
        long size = weight(script);
        if (maxEntries == 0 || size > maxChars) {
            return;
        }
        TranspiledScript old = entries.put(key, script);
        if (old != null) {
            chars -= weight(old);
        }
        chars += size;
        Iterator<Map.Entry<String, TranspiledScript>> eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries || chars > maxChars) {
            chars -= weight(eldest.next().getValue());
            eldest.remove();
        }
    }

    synchronized CacheStats stats() {
        return new CacheStats(entries.size(), chars, hits, misses);
    }

    private static long weight(TranspiledScript script) {
        return (long) script.code().length() + script.sourceMap().length();
    }
}
