package io.github.mqjssandbox.wasmtools.fuel;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/** A metered (or plain) module instantiated in one of Chicory's engines, with test imports. */
final class MeteredVm {
    enum Engine { INTERPRETER, COMPILER }

    private final Instance instance;
    private final boolean metered;
    /** sbx_fuel_left as seen by env.poll on each call. */
    final List<Long> polled = new ArrayList<>();
    /** Applied to sbx_fuel_left inside env.poll (the host may change it). */
    LongUnaryOperator onPoll = LongUnaryOperator.identity();

    MeteredVm(byte[] bytes, Engine engine) {
        WasmModule module = Parser.parse(bytes);
        HostFunction hostAdd = new HostFunction("env", "host_add",
                FunctionType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                (inst, args) -> new long[] {(int) args[0] + (int) args[1]});
        HostFunction poll = new HostFunction("env", "poll",
                FunctionType.of(List.of(ValType.I32), List.of()),
                (inst, args) -> {
                    long fuel = inst.exports().global(FuelMeter.FUEL_GLOBAL).getValue();
                    polled.add(fuel);
                    inst.exports().global(FuelMeter.FUEL_GLOBAL).setValue(onPoll.applyAsLong(fuel));
                    return null;
                });
        Instance.Builder builder = Instance.builder(module)
                .withImportValues(ImportValues.builder().addFunction(hostAdd, poll).build());
        if (engine == Engine.COMPILER) {
            builder = builder.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        boolean found = false;
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            found |= module.exportSection().getExport(i).name().equals(FuelMeter.FUEL_GLOBAL);
        }
        metered = found;
        instance = builder.build();
    }

    long[] call(String export, long... args) {
        return instance.export(export).apply(args);
    }

    long fuel() {
        return instance.exports().global(FuelMeter.FUEL_GLOBAL).getValue();
    }

    void setFuel(long fuel) {
        instance.exports().global(FuelMeter.FUEL_GLOBAL).setValue(fuel);
    }

    long trapped() {
        return instance.exports().global(FuelMeter.TRAPPED_GLOBAL).getValue();
    }

    boolean isMetered() {
        return metered;
    }

    /** Fuel consumed by one call, starting from a large budget. */
    long consumed(String export, long... args) {
        long budget = 1L << 40;
        setFuel(budget);
        call(export, args);
        return budget - fuel();
    }
}
