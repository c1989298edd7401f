package io.github.mqjssandbox.wasmtools.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mqjssandbox.wasmtools.wasm.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTest {
    private static final byte[] INTERP = Fixtures.load(SplitFixtures.SPLIT_INTERP);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String command, Map<String, String> options) {
        return SplitCommand.run(command, options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void readsMethodSizesOfARealClassFile() throws Exception {
        byte[] own = GateTest.class.getResourceAsStream("Gate.class").readAllBytes();
        List<ClassFileMethods.Method> methods = ClassFileMethods.read(own);
        assertTrue(methods.stream().anyMatch(m -> m.name().equals("run") && m.codeLength() > 50), methods.toString());
        assertTrue(methods.stream().allMatch(m -> m.className().equals(Gate.class.getName())));
    }

    @Test
    void flagsTheUnsplitInterpreterAndPassesTheSplitOne() throws Exception {
        Path unsplit = dir.resolve("unsplit");
        SplitFixtures.writeClasses(INTERP, unsplit);
        List<ClassFileMethods.Method> all = Gate.scan(unsplit);
        ClassFileMethods.Method largest = all.get(0);
        assertEquals("func_4", largest.name(), "the interpreter loop is the biggest method");
        assertTrue(largest.codeLength() > 600, largest.toString());
        assertTrue(all.stream().anyMatch(m -> m.name().equals("call")), "Chicory's call dispatcher is scanned too");

        assertEquals(1, run("gate", Map.of("--classes", unsplit.toString(), "--max-bytes", "600")));
        String message = err.toString();
        assertTrue(message.contains("fixture.MachineFuncGroup_0.func_4"), message);
        assertTrue(message.contains(largest.codeLength() + " bytes"), message);

        Path split = dir.resolve("split");
        SplitFixtures.writeClasses(SplitFixtures.split(INTERP, 200), split);
        assertEquals(List.of(), Gate.violations(split, 600));
        assertEquals(0, run("gate", Map.of("--classes", split.toString(), "--max-bytes", "600")), err.toString());
    }

    @Test
    void splitCommandWritesAModuleUnderBudget() throws Exception {
        Path in = dir.resolve("in.wasm");
        Path outFile = dir.resolve("out.wasm");
        Files.write(in, INTERP);
        assertEquals(0, run("split", Map.of("--in", in.toString(), "--out", outFile.toString(), "--max-bytes", "300")),
                err.toString());
        assertTrue(out.toString().contains("largest body now"), out.toString());
        assertTrue(SplitCommand.largestBody(io.github.mqjssandbox.wasmtools.wasm.WasmModule.parse(Files.readAllBytes(outFile))) <= 300);
        assertEquals(1, run("split", Map.of("--in", in.toString(), "--out", outFile.toString(), "--max-bytes", "60")));
        assertTrue(out.toString().contains("warning: function 4"), out.toString());
        assertEquals(2, run("gate", Map.of()));
        assertFalse(err.toString().isEmpty());
    }
}
