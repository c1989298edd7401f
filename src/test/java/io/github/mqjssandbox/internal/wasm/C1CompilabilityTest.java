package io.github.mqjssandbox.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JIT gate the 8000-byte check cannot be: C1 refused some split methods ("out of virtual
 * registers in linear scan") although they were small enough, and a method HotSpot had already
 * compiled at tier 2 then stayed there for the whole run, which made one JVM run of a workload
 * up to 1.5x slower than the next (docs/performance.md). This asks the JVM itself: a child JVM
 * compiles every generated method the probe's scripts reach at C1's profiling tier, and none
 * may be refused.
 */
class C1CompilabilityTest {
    private static final String PACKAGE = "io.github.mqjssandbox.internal.wasm.";
    private static final String PLAIN = PACKAGE + "MquickjsAotMachineFuncGroup_0";
    private static final String METERED = PACKAGE + "MquickjsMeteredAotMachineFuncGroup_0";

    @Test
    void everyGeneratedMethodTheEngineRunsCompilesAtTier3(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("compilation.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xcomp", "-XX:TieredStopAtLevel=3", "-XX:+PrintCompilation",
                "-XX:CompileCommand=quiet", "-XX:CompileCommand=compileonly," + PACKAGE + "Mquickjs*::*",
                "-cp", System.getProperty("java.class.path"), C1CompileProbe.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the probe did not end within 5 minutes");
        } finally {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        assertTrue(lines.contains("probe ok " + C1CompileProbe.SCRIPTS.size()), "the probe ran every script");

        CompileLog log = CompileLog.parse(lines, PACKAGE + "Mquickjs");
        System.out.println("compiled at tier 3: " + log.compiledIn(PLAIN) + " plain, " + log.compiledIn(METERED) + " metered");
        assertEquals(List.of(), log.skipped, "generated methods C1 refused");
        // the scripts reach most of the engine; far fewer would mean the probe no longer runs it
        assertTrue(log.compiledIn(PLAIN) > 200, "plain methods compiled: " + log.compiledIn(PLAIN));
        assertTrue(log.compiledIn(METERED) > 200, "metered methods compiled: " + log.compiledIn(METERED));
    }

    @Test
    void aRefusedCompileIsReportedWithItsMethodAndReason() {
        List<String> lines = List.of(
                "    448  718       2       io.github.mqjssandbox.internal.wasm.MquickjsAotMachineFuncGroup_0::func_450 (165 bytes)",
                "   1203  903       3       io.github.mqjssandbox.internal.wasm.MquickjsAotMachineFuncGroup_0::func_170 (5750 bytes)"
                        + "   COMPILE SKIPPED: out of virtual registers in linear scan (not retryable)",
                "    943 1167 %     3       io.github.mqjssandbox.internal.wasm.MquickjsMeteredAotMachineFuncGroup_0::func_165 @ 611"
                        + " (2382 bytes)   COMPILE SKIPPED: stack not empty at OSR entry point (retry at different tier)",
                "    692  718       2       io.github.mqjssandbox.internal.wasm.MquickjsAotMachineFuncGroup_0::func_450 (165 bytes)   made not entrant",
                "     30    1       3       java.lang.String::hashCode (49 bytes)   COMPILE SKIPPED: something else");
        CompileLog log = CompileLog.parse(lines, PACKAGE + "Mquickjs");
        assertEquals(List.of(
                PLAIN + "::func_170 at tier 3:   COMPILE SKIPPED: out of virtual registers in linear scan (not retryable)",
                METERED + "::func_165 at tier 3:   COMPILE SKIPPED: stack not empty at OSR entry point (retry at different tier)"),
                log.skipped);
        assertEquals(1, log.compiledIn(PLAIN));
        assertEquals(0, log.compiledIn(METERED));
    }
}
