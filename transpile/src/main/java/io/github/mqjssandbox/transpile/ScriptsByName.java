package io.github.mqjssandbox.transpile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The transpiled script last evaluated under each file name, for mapping stack frames: a
 * function defined by one script may fail when a later script, or a {@code call}, runs it.
 * Bounded: the least recently evaluated names go first.
 */
final class ScriptsByName {
    private static final int MAX_NAMES = 64;

    private final Map<String, TranspiledScript> byName = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TranspiledScript> eldest) {
            return size() > MAX_NAMES;
        }
    };

    synchronized void remember(String fileName, TranspiledScript script) {
        byName.put(fileName, script);
    }

    synchronized TranspiledScript get(String fileName) {
        return byName.get(fileName);
    }

    synchronized void clear() {
        byName.clear();
    }
}
