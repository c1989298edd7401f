package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JsonNode API never loads Jackson's ObjectMapper (its start-up would triple a cold
 * JVM's first evaluation, docs/performance.md); the typed API makes it on first use. Each
 * case runs {@link MapperLoadingProbe} in a fresh JVM that logs every class it loads.
 */
class TypedJsonLazinessTest {
    private static final String OBJECT_MAPPER = "] com.fasterxml.jackson.databind.ObjectMapper source:";
    private static final String MAPPER_HOLDER = "] io.github.mqjssandbox.internal.TypedJson$MapperHolder source:";

    private static String loadedClassesOfProbe(String mode) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                MapperLoadingProbe.class.getName(), mode)
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, child.exitValue(), output);
        return output;
    }

    @Test
    void theJsonNodeApiNeverLoadsTheMapper() throws Exception {
        String log = loadedClassesOfProbe("jsonnode");
        assertTrue(log.contains("probe: OK 2 refused"), log);
        assertFalse(log.contains(OBJECT_MAPPER), "ObjectMapper was loaded");
        assertFalse(log.contains(MAPPER_HOLDER), "the typed mapper was made");
    }

    @Test
    void theTypedApiMakesItOnFirstUse() throws Exception {
        String log = loadedClassesOfProbe("typed");
        assertTrue(log.contains("probe: OK 2 refused 42"), log);
        assertTrue(log.contains(OBJECT_MAPPER), "ObjectMapper was not loaded");
        assertTrue(log.contains(MAPPER_HOLDER), "the typed mapper was not made");
    }
}
