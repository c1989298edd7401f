package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Sandbox.warmUp runs the split's training corpus, at least one script, and leaves nothing behind. */
class WarmUpTest {
    @Test
    void theScriptsAreTheTrainingCorpusWholeAndInTheJar() throws IOException {
        List<String> corpus;
        try (Stream<Path> files = Files.list(Path.of("wasm/profile/corpus"))) {
            corpus = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".js")).sorted()
                    .collect(Collectors.toList());
        }
        List<String> listed = new ArrayList<>(EngineWarmUp.SCRIPTS);
        listed.sort(null);
        assertEquals(corpus, listed);
        for (String name : EngineWarmUp.SCRIPTS) {
            assertTrue(WarmUpTest.class.getResource("/warmup/" + name) != null, name + " is a resource");
        }
    }

    @Test
    void oneScriptRunsEvenOnNoBudgetAndNothingIsPrinted() {
        List<String> printed = new ArrayList<>();
        SandboxConfig config = SandboxConfig.builder().outputListener(printed::add).build();
        assertEquals(1, Sandbox.warmUp(config, Duration.ZERO));
        assertEquals(List.of(), printed);
    }


    @Test
    void aMeteredOrSmallSandboxKindWarmsUpToo() {
        SandboxConfig config = SandboxConfig.builder().fuelLimit(100_000).memoryLimitBytes(1 << 20).flatMemory(true).build();
        assertTrue(Sandbox.warmUp(config, Duration.ofSeconds(1)) >= 1);
        try (Sandbox sandbox = Sandbox.create(config)) {
            assertEquals("3", sandbox.eval("1 + 2").display(), "the caller's own limits are untouched");
            assertEquals(100_000, config.fuelLimit());
        }
    }
}
