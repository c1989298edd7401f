package io.github.mqjssandbox.wasmtools;

import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The {@code roundtrip} command: forces a full decode and re-encode, which exercises every
 * code path a later rewrite could need and shows whether the library can handle a module.
 */
final class Roundtrip {
    private Roundtrip() {
    }

    static int run(Path in, Path outPath, PrintStream out) {
        byte[] input = ModuleFiles.read(in);
        WasmModule module = WasmModule.parse(input);
        module.reencodeAll();
        byte[] output = module.encode();
        // Re-parse and decode every body so a writer bug fails here, not in a later tool.
        WasmModule check = WasmModule.parse(output);
        for (int f = check.importedFunctionCount(); f < check.functionCount(); f++) {
            check.body(f).instructions();
        }
        ModuleFiles.write(outPath, output);
        out.printf("roundtrip: %d functions re-encoded, %d -> %d bytes%n",
                module.definedFunctionCount(), input.length, output.length);
        return Main.OK;
    }
}
