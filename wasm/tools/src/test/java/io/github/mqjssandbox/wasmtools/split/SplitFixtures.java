package io.github.mqjssandbox.wasmtools.split;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.FunctionType;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Helpers shared by the split tests: splitting, instantiating, AOT class output. */
final class SplitFixtures {
    static final String SPLIT_INTERP = "split-interp.wasm";

    private SplitFixtures() {
    }

    static byte[] split(byte[] module, int budget) {
        WasmModule m = WasmModule.parse(module);
        Splitter.split(m, Splitter.Options.withBudget(budget));
        return m.encode();
    }

    static byte[] split(byte[] module, Splitter.Options options) {
        WasmModule m = WasmModule.parse(module);
        Splitter.split(m, options);
        return m.encode();
    }

    /** Chicory instance; {@code compiled} selects the runtime compiler instead of the interpreter. */
    static Instance instance(byte[] module, boolean compiled) {
        var i32 = com.dylibso.chicory.wasm.types.ValType.I32;
        HostFunction hostAdd = new HostFunction("env", "host_add",
                FunctionType.of(List.of(i32, i32), List.of(i32)),
                (inst, args) -> new long[] {(int) args[0] + (int) args[1]});
        var parsed = Parser.parse(module);
        var builder = Instance.builder(parsed)
                .withImportValues(ImportValues.builder().addFunction(hostAdd).build());
        if (compiled) {
            builder.withMachineFactory(MachineFactoryCompiler.compile(parsed));
        }
        return builder.build();
    }

    /** Writes the classes Chicory's compiler generates for {@code module} under {@code dir}. */
    static void writeClasses(byte[] module, Path dir) {
        var result = Compiler.builder(Parser.parse(module)).withClassName("fixture.Machine").build().compile();
        try {
            for (Map.Entry<String, byte[]> e : result.classBytes().entrySet()) {
                Path p = dir.resolve(e.getKey().replace('.', '/') + ".class");
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
