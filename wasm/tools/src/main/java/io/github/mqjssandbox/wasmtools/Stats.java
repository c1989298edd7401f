package io.github.mqjssandbox.wasmtools;

import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.IntStream;

/** The {@code stats} command: function counts and the largest bodies, to pick split targets. */
final class Stats {
    static final int TOP = 10;

    private Stats() {
    }

    static int run(Path in, PrintStream out) {
        WasmModule module = ModuleFiles.readModule(in);
        out.printf("functions: %d (%d imported, %d defined)%n", module.functionCount(),
                module.importedFunctionCount(), module.definedFunctionCount());
        out.printf("largest function bodies (top %d):%n", TOP);
        out.printf("%8s %10s  %s%n", "index", "bytes", "name");
        IntStream.range(module.importedFunctionCount(), module.functionCount())
                .boxed()
                .sorted(Comparator.comparingInt((Integer f) -> module.body(f).byteSize()).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .limit(TOP)
                .forEach(f -> out.printf("%8d %10d  %s%n", f, module.body(f).byteSize(),
                        module.functionName(f).orElse("-")));
        return Main.OK;
    }
}
