package io.github.mqjssandbox.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.mqjssandbox.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The template the build stores in the jar for the default settings is exactly the one this JVM
 * would make (every byte of memory, every global), and it is used for nothing else.
 */
class StoredTemplateTest {
    @Test
    void theStoredTemplateIsTheOneThisJvmMakes() {
        LoadedModule loaded = ModuleRegistry.get(Engine.AOT, false);
        EngineTemplate stored = StoredTemplate.find(loaded, StoredTemplate.HEAP_BYTES, Prelude.compat());
        assertNotNull(stored, "the build stores " + StoredTemplate.RESOURCE);
        EngineTemplate made = EngineTemplate.capture(EngineInstance.createFresh(
                loaded, StoredTemplate.HEAP_BYTES, 1 << 20, Prelude.compat(), HostCalls.NONE));
        assertArrayEquals(made.globals(), stored.globals());
        assertEquals(made.memory().pageCount(), stored.memory().pageCount());
        for (int page = 0; page < made.memory().pageCount(); page++) {
            assertArrayEquals(made.memory().page(page), stored.memory().page(page), "page " + page);
        }
    }

    @Test
    void itServesOnlyTheSettingsItWasMadeFor() {
        LoadedModule plain = ModuleRegistry.get(Engine.AOT, false);
        assertNull(StoredTemplate.find(plain, 8 << 20, Prelude.compat()), "another heap size");
        assertNull(StoredTemplate.find(plain, StoredTemplate.HEAP_BYTES, Prelude.NONE), "no prelude");
        assertNull(StoredTemplate.find(plain, StoredTemplate.HEAP_BYTES,
                Prelude.compat().thenSource("lib.js", "var x = 1;".getBytes())), "with preloads");
        assertNull(StoredTemplate.find(ModuleRegistry.get(Engine.AOT, true), StoredTemplate.HEAP_BYTES, Prelude.compat()),
                "the fuel-metered module");
    }

    @Test
    void writingItAgainGivesTheSameBytes() throws IOException {
        LoadedModule loaded = ModuleRegistry.get(Engine.AOT, false);
        EngineTemplate stored = StoredTemplate.find(loaded, StoredTemplate.HEAP_BYTES, Prelude.compat());
        EngineTemplate made = EngineTemplate.capture(EngineInstance.createFresh(
                loaded, StoredTemplate.HEAP_BYTES, 1 << 20, Prelude.compat(), HostCalls.NONE));
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        StoredTemplate.write(stored, loaded, Prelude.compat(), a);
        StoredTemplate.write(made, loaded, Prelude.compat(), b);
        assertArrayEquals(b.toByteArray(), a.toByteArray(), "the build's output is reproducible");
    }
}
