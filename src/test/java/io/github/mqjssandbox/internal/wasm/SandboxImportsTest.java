package io.github.mqjssandbox.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deny by default: a module asking for anything but the known imports does not load. */
class SandboxImportsTest {

    private static WasmModule fixture(String name) throws IOException {
        try (InputStream in = SandboxImportsTest.class.getResourceAsStream("/abi/" + name + ".wasm")) {
            return Parser.parse(in);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "forbidden-imports|import not allowed: wasi_snapshot_preview1.fd_write (FUNCTION)",
            "unknown-env-import|import not allowed: env.system (I32) -> (I32)",
            "wrong-signature|import env.host_write has signature (I32) -> (I32), expected (I32,I32) -> (I32)"})
    void refusesWithAClearMessage(String fixture, String message) throws IOException {
        WasmModule module = fixture(fixture);
        SandboxImports imports = new SandboxImports(new EmscriptenAbi(), null);
        ImportNotAllowedException e = assertThrows(ImportNotAllowedException.class, () -> imports.resolve(module));
        assertEquals(message, e.getMessage());
    }
}
