package io.github.mqjssandbox.wasmtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mqjssandbox.wasmtools.wasm.Fixtures;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path fixture(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, Fixtures.load(name));
        return p;
    }

    @Test
    void roundtripWritesAFullyReencodedModule() throws Exception {
        Path in = fixture(Fixtures.INTERP_O0);
        Path outFile = dir.resolve("out.wasm");
        assertEquals(0, run("roundtrip", "--in", in.toString(), "--out", outFile.toString()), err.toString());
        byte[] written = Files.readAllBytes(outFile);
        assertTrue(written.length < Files.size(in), "padded LEB128s were canonicalized");
        WasmModule module = WasmModule.parse(written);
        assertEquals(WasmModule.parse(Files.readAllBytes(in)).functionCount(), module.functionCount());
        assertTrue(out.toString().contains("functions re-encoded"), out.toString());
    }

    @Test
    void statsListsLargestFunctionsWithNames() throws Exception {
        Path in = fixture(Fixtures.INTERP_O2);
        assertEquals(0, run("stats", "--in", in.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.contains("functions: "), text);
        assertTrue(text.contains("1 imported"), text);
        assertTrue(text.contains("vm_sum_squares") || text.contains("run_vm"), text);
        long rows = text.lines().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\s+.*")).count();
        assertTrue(rows > 0 && rows <= 10, text);
    }

    @Test
    void usageErrors() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate", "--in", "x"));
        assertEquals(2, run("roundtrip", "--in", "x"));
        assertEquals(2, run("stats", "--in"));
        assertTrue(err.toString().contains("usage"), err.toString());
    }

    @Test
    void malformedInputFailsWithOffset() throws Exception {
        Path bad = dir.resolve("bad.wasm");
        Files.write(bad, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 0x01, 0x09});
        assertEquals(1, run("stats", "--in", bad.toString()));
        assertTrue(err.toString().contains("offset 8"), err.toString());
        assertEquals(1, run("stats", "--in", dir.resolve("missing.wasm").toString()));
    }
}
