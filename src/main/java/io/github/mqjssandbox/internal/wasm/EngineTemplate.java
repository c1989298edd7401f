package io.github.mqjssandbox.internal.wasm;

import com.dylibso.chicory.runtime.Instance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An engine instance captured right after its JS context was created, as Wizer pre-initialises a
 * module: its memory as a frozen {@link MemoryImage} and its globals' values. A new sandbox's
 * instance starts as a copy-on-write copy of both, so it neither allocates nor zeroes its memory
 * nor runs the module's constructors and the context's set-up again: that is what makes a sandbox
 * cost microseconds whatever its memory limit.
 *
 * <p>Templates depend on the module, on the two sizes that shape the memory and on the
 * {@link Prelude} evaluated into the context; a few are kept per JVM, the most recently used.
 */
final class EngineTemplate {
    private static final int CACHED_TEMPLATES = 8;

    /** Compares modules by identity (a module's own equals and hashCode walk all its code), preludes by content. */
    private record Key(LoadedModule module, int arenaBytes, int ioReserveBytes, Prelude prelude) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.module == module && key.prelude.equals(prelude)
                    && key.arenaBytes == arenaBytes && key.ioReserveBytes == ioReserveBytes;
        }

        @Override
        public int hashCode() {
            return ((System.identityHashCode(module) * 31 + arenaBytes) * 31 + ioReserveBytes) * 31
                    + prelude.hashCode();
        }
    }

    private static final Map<Key, EngineTemplate> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, EngineTemplate> eldest) {
            return size() > CACHED_TEMPLATES;
        }
    };

    private final MemoryImage memory;
    private final long[] globals;

    EngineTemplate(MemoryImage memory, long[] globals) {
        this.memory = memory;
        this.globals = globals;
    }

    /** One lock per kind of template: who makes one makes it alone, the others wait for it. */
    private static final Map<Key, Object> MAKING = new ConcurrentHashMap<>();

    /**
     * Held while making the template for these sizes, so that two threads never make the same
     * one at once (a sandbox created while {@link EngineInstance#prepare} runs waits for it).
     */
    static Object makingLock(LoadedModule module, int arenaBytes, int ioReserveBytes, Prelude prelude) {
        return MAKING.computeIfAbsent(new Key(module, arenaBytes, ioReserveBytes, prelude), k -> new Object());
    }

    /**
     * Forgets the lock once its template is made (or failed), so that locks, and the preludes
     * their keys hold, do not pile up; a thread still waiting on it then finds the template.
     */
    static void madeWith(Object lock, LoadedModule module, int arenaBytes, int ioReserveBytes, Prelude prelude) {
        MAKING.remove(new Key(module, arenaBytes, ioReserveBytes, prelude), lock);
    }

    /** The template for these sizes and prelude, or null if this JVM has made none yet. */
    static EngineTemplate cached(LoadedModule module, int arenaBytes, int ioReserveBytes, Prelude prelude) {
        synchronized (CACHE) {
            return CACHE.get(new Key(module, arenaBytes, ioReserveBytes, prelude));
        }
    }

    /**
     * Freezes {@code fresh} (just made by {@link EngineInstance#createFresh} with this prelude, nothing run in it
     * since) into the template for these sizes and keeps it; {@code fresh} goes on as a
     * copy-on-write user of it. If another thread kept one meanwhile, that one is returned.
     */
    static EngineTemplate captureAndKeep(
            EngineInstance fresh, LoadedModule module, int arenaBytes, int ioReserveBytes, Prelude prelude) {
        EngineTemplate made = capture(fresh);
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(new Key(module, arenaBytes, ioReserveBytes, prelude), k -> made);
        }
    }

    static EngineTemplate capture(EngineInstance fresh) {
        Instance instance = fresh.instance();
        long[] globals = new long[instance.module().globalSection().globalCount()];
        for (int i = 0; i < globals.length; i++) {
            globals[i] = instance.global(i).getValue();
        }
        SandboxMemory memory = (SandboxMemory) instance.memory();
        // The C stack is dead between calls: clones start with zero pages there, not copies to make.
        memory.fill((byte) 0, 0, fresh.stackTop());
        return new EngineTemplate(memory.freeze(), globals);
    }

    MemoryImage memory() {
        return memory;
    }

    long[] globals() {
        return globals.clone();
    }

    /** Keeps {@code template} (read from the library's jar) for these sizes and prelude, unless one is kept. */
    static void keep(EngineTemplate template, LoadedModule module, int arenaBytes, int ioReserveBytes, Prelude prelude) {
        synchronized (CACHE) {
            CACHE.putIfAbsent(new Key(module, arenaBytes, ioReserveBytes, prelude), template);
        }
    }

    /** Gives a new instance of the same module the template's global values. */
    void applyGlobals(Instance instance) {
        for (int i = 0; i < globals.length; i++) {
            instance.global(i).setValue(globals[i]);
        }
    }
}
