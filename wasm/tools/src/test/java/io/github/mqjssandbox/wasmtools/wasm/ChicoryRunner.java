package io.github.mqjssandbox.wasmtools.wasm;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.List;

/** Instantiates a module in Chicory's interpreter with the host import the fixtures use. */
final class ChicoryRunner {
    private final Instance instance;

    ChicoryRunner(byte[] module) {
        com.dylibso.chicory.wasm.types.ValType i32 = com.dylibso.chicory.wasm.types.ValType.I32;
        HostFunction hostAdd = new HostFunction("env", "host_add",
                FunctionType.of(List.of(i32, i32), List.of(i32)),
                (inst, args) -> new long[] {(int) args[0] + (int) args[1]});
        instance = Instance.builder(Parser.parse(module))
                .withImportValues(ImportValues.builder().addFunction(hostAdd).build())
                .build();
    }

    long[] call(String export, long... args) {
        return instance.export(export).apply(args);
    }

    long callOne(String export, long... args) {
        return call(export, args)[0];
    }

    Instance instance() {
        return instance;
    }
}
