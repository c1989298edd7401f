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
    private final boolean inMemory;
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
                    long fuel = fuel();
                    polled.add(fuel);
                    setFuel(onPoll.applyAsLong(fuel));
                    return null;
                });
        Instance.Builder builder = Instance.builder(module)
                .withImportValues(ImportValues.builder().addFunction(hostAdd, poll).build());
        if (engine == Engine.COMPILER) {
            builder = builder.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        boolean found = false;
        boolean memory = false;
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            String name = module.exportSection().getExport(i).name();
            found |= name.equals(FuelMeter.FUEL_GLOBAL) || name.equals(FuelMeter.ADDRESS_GLOBAL);
            memory |= name.equals(FuelMeter.ADDRESS_GLOBAL);
        }
        metered = found;
        inMemory = memory;
        instance = builder.build();
    }

    /** Whether the counter is the i64 at sbx_fuel_address (else the global sbx_fuel_left). */
    boolean inMemory() {
        return inMemory;
    }

    long[] call(String export, long... args) {
        return instance.export(export).apply(args);
    }

    long fuel() {
        if (inMemory) {
            return instance.memory().readLong(address());
        }
        return instance.exports().global(FuelMeter.FUEL_GLOBAL).getValue();
    }

    void setFuel(long fuel) {
        if (inMemory) {
            instance.memory().writeLong(address(), fuel);
        } else {
            instance.exports().global(FuelMeter.FUEL_GLOBAL).setValue(fuel);
        }
    }

    private int address() {
        return (int) instance.exports().global(FuelMeter.ADDRESS_GLOBAL).getValue();
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
