package io.github.mqjssandbox.internal.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/** A parsed module and how to make a machine for each of its instances. Shared by all sandboxes. */
record LoadedModule(WasmModule module, Function<Instance, Machine> machineFactory) {}
