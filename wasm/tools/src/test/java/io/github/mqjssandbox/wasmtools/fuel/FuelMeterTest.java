package io.github.mqjssandbox.wasmtools.fuel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.TrapException;
import io.github.mqjssandbox.wasmtools.fuel.FuelMeter.CounterPlacement;
import io.github.mqjssandbox.wasmtools.fuel.FuelMeter.EntryChecks;
import io.github.mqjssandbox.wasmtools.fuel.FuelMeter.Storage;
import io.github.mqjssandbox.wasmtools.fuel.MeteredVm.Engine;
import io.github.mqjssandbox.wasmtools.wasm.ExternalKind;
import io.github.mqjssandbox.wasmtools.wasm.Fixtures;
import io.github.mqjssandbox.wasmtools.wasm.Instruction;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FuelMeterTest {
    static final String FUEL = "fuel.wasm";

    static byte[] meter(String fixture, FuelMeter.Options options) {
        WasmModule module = WasmModule.parse(Fixtures.load(fixture));
        FuelMeter.meter(module, options);
        return module.encode();
    }

    static MeteredVm vm(String fixture, Engine engine, CounterPlacement placement) {
        return vm(fixture, engine, placement, Storage.GLOBAL);
    }

    static MeteredVm vm(String fixture, Engine engine, CounterPlacement placement, Storage storage) {
        return new MeteredVm(meter(fixture, FuelMeter.Options.defaults().withPlacement(placement)
                .withStorage(storage)), engine);
    }

    /** Every engine with every counter placement (AUTO mixes the other two) and storage. */
    static Stream<Arguments> setups() {
        List<Arguments> all = new ArrayList<>();
        for (Engine e : Engine.values()) {
            for (CounterPlacement p : List.of(CounterPlacement.CACHED, CounterPlacement.HYBRID)) {
                for (Storage st : Storage.values()) {
                    all.add(Arguments.of(e, p, st));
                }
            }
        }
        return all.stream();
    }

    static Stream<Arguments> enginesAndStorages() {
        List<Arguments> all = new ArrayList<>();
        for (Engine e : Engine.values()) {
            for (Storage st : Storage.values()) {
                all.add(Arguments.of(e, st));
            }
        }
        return all.stream();
    }

    static Stream<Arguments> placementsAndStorages() {
        List<Arguments> all = new ArrayList<>();
        for (CounterPlacement p : CounterPlacement.values()) {
            for (Storage st : Storage.values()) {
                all.add(Arguments.of(p, st));
            }
        }
        return all.stream();
    }

    @Test
    void appendsExportedGlobalsAndTrapHelperWithoutShiftingIndices() {
        WasmModule module = WasmModule.parse(Fixtures.load(Fixtures.INTERP_O2));
        int globals = module.globalCount();
        int functions = module.functionCount();
        FuelMeter.Report report = FuelMeter.meter(module, FuelMeter.Options.defaults().withInitialFuel(1234));
        assertEquals(globals, report.fuelGlobal());
        assertEquals(globals + 1, report.trappedGlobal());
        assertEquals(functions, report.trapFunction());
        assertEquals(ExternalKind.GLOBAL, module.export(FuelMeter.FUEL_GLOBAL).orElseThrow().kind());
        assertEquals(report.fuelGlobal(), module.export(FuelMeter.FUEL_GLOBAL).orElseThrow().index());
        assertEquals(report.trappedGlobal(), module.export(FuelMeter.TRAPPED_GLOBAL).orElseThrow().index());
        assertEquals(List.of(Instruction.i64Const(1234)), module.globals().get(module.globals().size() - 2).init());
        assertTrue(module.globalType(report.fuelGlobal()).mutable());
        assertEquals(module.definedFunctionCount() - 1, report.functions().size());

        MeteredVm vm = new MeteredVm(module.encode(), Engine.INTERPRETER);
        assertEquals(1234, vm.fuel());
        assertEquals(0, vm.trapped());
        assertThrows(IllegalArgumentException.class, () -> FuelMeter.meter(module, FuelMeter.Options.defaults()));
    }

    @Test
    void memoryStorageExportsTheAddressInsteadOfTheFuelGlobal() {
        WasmModule module = WasmModule.parse(Fixtures.load(Fixtures.INTERP_O2));
        int globals = module.globalCount();
        FuelMeter.Report report = FuelMeter.meter(module, FuelMeter.Options.defaults().withStorage(Storage.MEMORY));
        assertEquals(-1, report.fuelGlobal());
        assertEquals(globals, report.trappedGlobal());
        assertTrue(module.export(FuelMeter.FUEL_GLOBAL).isEmpty());
        int address = module.export(FuelMeter.ADDRESS_GLOBAL).orElseThrow().index();
        assertEquals(globals + 1, address);
        assertTrue(!module.globalType(address).mutable());
        assertEquals(List.of(Instruction.i32Const(FuelMeter.FUEL_ADDRESS)), module.globals().get(address).init());

        MeteredVm vm = new MeteredVm(module.encode(), Engine.INTERPRETER);
        assertTrue(vm.inMemory());
        assertEquals(0, vm.fuel(), "memory starts zeroed: the first check traps");
        assertThrows(TrapException.class, () -> vm.call("fib", 3));
        assertEquals(1, vm.trapped());
        assertThrows(IllegalArgumentException.class, () -> FuelMeter.meter(WasmModule.parse(
                Fixtures.load(Fixtures.INTERP_O2)), FuelMeter.Options.defaults().withStorage(Storage.MEMORY)
                .withInitialFuel(5)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void cycleEntryChecksChargeTheSameAndStillStopRecursion(Engine engine) {
        FuelMeter.Options cycles = FuelMeter.Options.defaults().withEntryChecks(EntryChecks.CYCLES);
        WasmModule module = WasmModule.parse(Fixtures.load(FUEL));
        FuelMeter.Report callers = FuelMeter.meter(module, FuelMeter.Options.defaults());
        WasmModule module2 = WasmModule.parse(Fixtures.load(FUEL));
        FuelMeter.Report onlyCycles = FuelMeter.meter(module2, cycles);
        assertTrue(onlyCycles.entryChecks() < callers.entryChecks());
        MeteredVm all = new MeteredVm(module.encode(), engine);
        MeteredVm fewer = new MeteredVm(module2.encode(), engine);
        for (int n : new int[] {0, 5, 15}) {
            assertEquals(all.consumed("fib", n), fewer.consumed("fib", n));
        }
        assertEquals(all.consumed("straight"), fewer.consumed("straight"));
        // fib is on a cycle (itself): still checked at every entry.
        fewer.setFuel(1000);
        assertThrows(TrapException.class, () -> fewer.call("fib", 25));
        assertEquals(1, fewer.trapped());
        assertTrue(fewer.fuel() < 0 && fewer.fuel() > -50, "overshoot " + fewer.fuel());
        // straight and $step are not: the loop-free call chain runs to its end below zero
        // (bounded: the acyclic call tree is finite); the next check anywhere stops it.
        fewer.call("reset");
        fewer.setFuel(7 + 6 + 2);
        assertEquals(3, fewer.call("straight")[0]);
        assertEquals(15 - 25, fewer.fuel());
    }

    @Test
    void initialFuelZeroTrapsAtFirstCheck() {
        MeteredVm vm = vm(FUEL, Engine.INTERPRETER, CounterPlacement.AUTO);
        assertEquals(0, vm.fuel());
        assertThrows(TrapException.class, () -> vm.call("count", 3));
        assertEquals(1, vm.trapped());
    }

    @ParameterizedTest
    @MethodSource("setups")
    void countedLoopCostsExactlyNinePerIteration(Engine engine, CounterPlacement placement, Storage storage) {
        MeteredVm vm = vm(FUEL, engine, placement, storage);
        for (int n : new int[] {0, 1, 2, 10, 1000, 100_000}) {
            assertEquals(9L * n + 12, vm.consumed("count", n), "count(" + n + ")");
            assertEquals(n, vm.call("count", n)[0]);
        }
        assertEquals(0, vm.trapped());
    }

    @ParameterizedTest
    @MethodSource("setups")
    void infiniteLoopTrapsWithinASmallBoundOfTheBudget(Engine engine, CounterPlacement placement, Storage storage) {
        MeteredVm vm = vm(FUEL, engine, placement, storage);
        for (long budget : new long[] {0, 1, 10_000, 1_000_000}) {
            vm.setFuel(budget);
            assertThrows(TrapException.class, () -> vm.call("spin"));
            assertEquals(1, vm.trapped());
            long consumed = budget - vm.fuel();
            // Entry 1 (no check: spin makes no calls) + 1 per iteration, checked after each
            // charge: budget + 1, but at least 2 (the first header check).
            assertEquals(Math.max(budget + 1, 2), consumed, "budget " + budget);
        }
    }

    @ParameterizedTest
    @MethodSource("enginesAndStorages")
    void loopFreeCodeStopsAtTheNextFunctionEntry(Engine engine, Storage storage) {
        MeteredVm vm = vm(FUEL, engine, CounterPlacement.AUTO, storage);
        // straight: 3 calls (2 each) + global.get = 7 at entry; each $step: 4 + call 2 = 6.
        assertEquals(25, vm.consumed("straight"));
        vm.call("reset");

        vm.setFuel(7 + 6 + 2); // enough for straight's entry and one step
        TrapException trap = assertThrows(TrapException.class, () -> vm.call("straight"));
        assertTrue(trap.getMessage() != null);
        assertEquals(1, vm.trapped());
        assertEquals(-4, vm.fuel(), "second step charged 6 from 2, then trapped at its entry");
        assertEquals(1, vm.call("progress")[0], "the second step must not run");

        vm.call("reset");
        vm.setFuel(6);
        assertThrows(TrapException.class, () -> vm.call("straight"));
        assertEquals(-1, vm.fuel());
        assertEquals(0, vm.call("progress")[0]);
    }

    @ParameterizedTest
    @MethodSource("setups")
    void hostSeesExactFuelAndCanStopTheLoop(Engine engine, CounterPlacement placement, Storage storage) {
        MeteredVm vm = vm(FUEL, engine, placement, storage);
        vm.setFuel(1_000_000);
        vm.call("poll_loop", 5);
        assertEquals(5, vm.polled.size());
        // Each iteration runs the same instructions: the host sees a constant step.
        long step = vm.polled.get(0) - vm.polled.get(1);
        assertEquals(12, step); // 3 + br_if + local.get + call 2 + 4 + br
        for (int i = 1; i < vm.polled.size(); i++) {
            assertEquals(step, vm.polled.get(i - 1) - vm.polled.get(i));
        }
        // Entry (block, loop) 2 + first header 12 (charged before the first poll).
        assertEquals(1_000_000 - 14, vm.polled.get(0));

        // The host empties the tank inside the call: the next loop header traps.
        vm.polled.clear();
        vm.onPoll = fuel -> -1;
        vm.setFuel(1_000_000);
        assertThrows(TrapException.class, () -> vm.call("poll_loop", 1000));
        assertEquals(1, vm.polled.size());
        assertEquals(1, vm.trapped());
        assertEquals(-1 - 12, vm.fuel());
    }

    @ParameterizedTest
    @MethodSource("setups")
    void bulkMemoryPaysPerSixtyFourBytes(Engine engine, CounterPlacement placement, Storage storage) {
        MeteredVm vm = vm(FUEL, engine, placement, storage);
        long base = vm.consumed("fill", 0);
        assertEquals(3 + 4, base); // i32.const, i32.const, local.get + memory.fill
        assertEquals(base, vm.consumed("fill", 63));
        assertEquals(base + 1, vm.consumed("fill", 64));
        assertEquals(base + 1000, vm.consumed("fill", 64_000));
    }

    @ParameterizedTest
    @MethodSource("setups")
    void switchArmsEnteredOnlyFromTheirBrTableArePaidForThere(Engine engine, CounterPlacement placement,
            Storage storage) {
        long[] xs = {0, 1, 2, 7};
        long[] results = {101, 1, 40, 40};
        // Exact per-arm charges (cap 0), see fuel.wat: 12, 9, 14, 14. With cap 4 the br_table pays
        // P = 4 extra: arm $a (3) is then free, $big (9) pays 5, and $b, which $a falls into,
        // still pays its own 4. With cap 100, P = 9 (the largest arm only the br_table enters).
        Map<Long, long[]> costsByCap = Map.of(
                0L, new long[] {12, 9, 14, 14},
                4L, new long[] {13, 13, 14, 14},
                100L, new long[] {18, 18, 14, 14});
        costsByCap.forEach((cap, costs) -> {
            WasmModule module = WasmModule.parse(Fixtures.load(FUEL));
            FuelMeter.Report report = FuelMeter.meter(module, FuelMeter.Options.defaults().withPlacement(placement)
                    .withStorage(storage).withDispatchCap(cap));
            assertEquals(cap == 0 ? 0 : 2, report.dispatchArms(), "cap " + cap);
            MeteredVm vm = new MeteredVm(module.encode(), engine);
            for (int i = 0; i < xs.length; i++) {
                assertEquals(costs[i], vm.consumed("dispatch", xs[i]), "cap " + cap + ", x = " + xs[i]);
                assertEquals(results[i], vm.call("dispatch", xs[i])[0]);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("setups")
    void smallIfsArePaidForWithTheCodeBeforeThem(Engine engine, CounterPlacement placement, Storage storage) {
        long[] xs = {0, 5, 50};
        long[] clamped = {0, 5, 9};
        // See fuel.wat: exact charges 5, 10, 13; the inner if costs 3 in all, the outer 8, and
        // the if/else in sign 4 (exactly 6 on either side).
        Map<Long, long[]> clampCostsByCap = Map.of(
                0L, new long[] {5, 10, 13},
                3L, new long[] {5, 13, 13},
                8L, new long[] {13, 13, 13});
        Map<Long, Long> signCostByCap = Map.of(0L, 6L, 3L, 6L, 8L, 8L);
        Map<Long, Long> foldedByCap = Map.of(0L, 0L, 3L, 1L, 8L, 2L);
        clampCostsByCap.forEach((cap, costs) -> {
            WasmModule module = WasmModule.parse(Fixtures.load(FUEL));
            FuelMeter.Report report = FuelMeter.meter(module, FuelMeter.Options.defaults().withPlacement(placement)
                    .withStorage(storage).withFoldCap(cap));
            MeteredVm vm = new MeteredVm(module.encode(), engine);
            for (int i = 0; i < xs.length; i++) {
                assertEquals(costs[i], vm.consumed("clamp", xs[i]), "cap " + cap + ", x = " + xs[i]);
                assertEquals(clamped[i], vm.call("clamp", xs[i])[0]);
            }
            assertEquals(signCostByCap.get(cap), vm.consumed("sign", -4), "cap " + cap);
            assertEquals(signCostByCap.get(cap), vm.consumed("sign", 4), "cap " + cap);
            assertEquals(-1, vm.call("sign", -4)[0]);
            assertEquals(1, vm.call("sign", 4)[0]);
            int clamp = module.export("clamp").orElseThrow().index();
            int sign = module.export("sign").orElseThrow().index();
            long foldedHere = report.functions().stream()
                    .filter(f -> f.functionIndex() == clamp || f.functionIndex() == sign)
                    .mapToLong(FuelMeter.FunctionReport::foldedIfs).sum();
            assertEquals(foldedByCap.get(cap), foldedHere, "cap " + cap);
        });
    }

    @Test
    void dispatchPricingAndFoldedIfsNeverUnderchargeAndShrinkTheInterpreter() {
        WasmModule exactModule = WasmModule.parse(Fixtures.load(Fixtures.INTERP_O2));
        FuelMeter.Report exactReport = FuelMeter.meter(exactModule,
                FuelMeter.Options.defaults().withDispatchCap(0).withFoldCap(0));
        WasmModule pricedModule = WasmModule.parse(Fixtures.load(Fixtures.INTERP_O2));
        FuelMeter.Report pricedReport = FuelMeter.meter(pricedModule, FuelMeter.Options.defaults());
        assertEquals(0, exactReport.dispatchArms());
        assertEquals(0, exactReport.foldedIfs());
        assertTrue(pricedReport.dispatchArms() >= 8, "the fixture's bytecode loop: " + pricedReport.dispatchArms());
        assertTrue(pricedReport.foldedIfs() >= 1, "folded ifs: " + pricedReport.foldedIfs());
        assertTrue(pricedReport.bytesAfter() < exactReport.bytesAfter());

        MeteredVm exact = new MeteredVm(exactModule.encode(), Engine.COMPILER);
        MeteredVm priced = new MeteredVm(pricedModule.encode(), Engine.COMPILER);
        exact.setFuel(1L << 40);
        priced.setFuel(1L << 40);
        exact.call("_initialize");
        priced.call("_initialize");
        long exactTotal = 0;
        long pricedTotal = 0;
        for (Object[] c : Fixtures.INTERP_CALLS) {
            String name = (String) c[0];
            long[] args = (long[]) c[1];
            long exactCost = exact.consumed(name, args);
            long pricedCost = priced.consumed(name, args);
            assertTrue(pricedCost >= exactCost, name + ": " + pricedCost + " < exact " + exactCost);
            exactTotal += exactCost;
            pricedTotal += pricedCost;
        }
        assertTrue(pricedTotal > exactTotal, "some dispatch or if must have been paid for in advance");
        assertTrue(pricedTotal < exactTotal * 2, pricedTotal + " vs exact " + exactTotal);
    }

    @Test
    void sameFuelInBothEnginesAndBothPlacements() {
        Map<String, long[][]> calls = Map.of(
                "count", new long[][] {{0}, {77}},
                "fib", new long[][] {{0}, {1}, {15}},
                "classify", new long[][] {{-5}, {0}, {9}},
                "fill", new long[][] {{100}, {6400}});
        List<MeteredVm> vms = new ArrayList<>();
        for (Engine e : Engine.values()) {
            for (CounterPlacement p : CounterPlacement.values()) {
                for (Storage st : Storage.values()) {
                    for (EntryChecks c : EntryChecks.values()) {
                        vms.add(new MeteredVm(meter(FUEL, FuelMeter.Options.defaults().withPlacement(p)
                                .withStorage(st).withEntryChecks(c)), e));
                    }
                }
            }
        }
        MeteredVm plain = new MeteredVm(Fixtures.load(FUEL), Engine.INTERPRETER);
        calls.forEach((name, argLists) -> {
            for (long[] args : argLists) {
                long[] expected = plain.call(name, args);
                Long fuel = null;
                for (MeteredVm vm : vms) {
                    long used = vm.consumed(name, args);
                    assertArrayEquals(expected, vm.call(name, args), name);
                    if (fuel == null) {
                        fuel = used;
                    }
                    assertEquals(fuel, used, name + " must cost the same everywhere");
                }
                assertTrue(fuel > 0);
            }
        });
    }

    @Test
    void recursionCostGrowsWithTheNumberOfCalls() {
        MeteredVm vm = vm(FUEL, Engine.COMPILER, CounterPlacement.AUTO);
        // fib(n) makes calls(n) = 2 fib(n+1) - 1 invocations; base cases and inner calls
        // each cost a fixed amount, so the cost satisfies c(n) = c(n-1) + c(n-2) + k.
        long c0 = vm.consumed("fib", 0);
        long c1 = vm.consumed("fib", 1);
        long c2 = vm.consumed("fib", 2);
        long k = c2 - c1 - c0;
        assertEquals(c0, c1);
        for (int n = 3; n <= 20; n++) {
            assertEquals(vm.consumed("fib", n - 1) + vm.consumed("fib", n - 2) + k, vm.consumed("fib", n));
        }
    }

    @ParameterizedTest
    @MethodSource("placementsAndStorages")
    void emscriptenFixtureGivesSameResultsAndSameFuelInBothEngines(CounterPlacement placement, Storage storage) {
        for (String fixture : List.of(Fixtures.INTERP_O2, Fixtures.INTERP_O0)) {
            MeteredVm plain = new MeteredVm(Fixtures.load(fixture), Engine.INTERPRETER);
            MeteredVm interp = vm(fixture, Engine.INTERPRETER, placement, storage);
            MeteredVm compiled = vm(fixture, Engine.COMPILER, placement, storage);
            plain.call("_initialize");
            interp.setFuel(1L << 40);
            compiled.setFuel(1L << 40);
            interp.call("_initialize");
            compiled.call("_initialize");
            for (Object[] c : Fixtures.INTERP_CALLS) {
                String name = (String) c[0];
                long[] args = (long[]) c[1];
                long[] expected = plain.call(name, args);
                long before = interp.fuel();
                assertArrayEquals(expected, interp.call(name, args), name);
                long usedInterp = before - interp.fuel();
                before = compiled.fuel();
                assertArrayEquals(expected, compiled.call(name, args), name);
                long usedCompiled = before - compiled.fuel();
                assertEquals(usedInterp, usedCompiled, fixture + " " + name);
                assertTrue(usedInterp > 0, name);
            }
            assertEquals(0, interp.trapped());
            // The loop-heavy interpreter grows linearly with its iteration count.
            long a = interp.consumed("vm_sum_squares", 100);
            long b = interp.consumed("vm_sum_squares", 200);
            long c = interp.consumed("vm_sum_squares", 300);
            assertEquals(b - a, c - b, fixture);
            assertTrue(b > a);
        }
    }

    @ParameterizedTest
    @MethodSource("enginesAndStorages")
    void emscriptenLoopTrapsNearBudget(Engine engine, Storage storage) {
        MeteredVm vm = vm(Fixtures.INTERP_O2, engine, CounterPlacement.AUTO, storage);
        vm.setFuel(1L << 40);
        vm.call("_initialize");
        vm.setFuel(50_000);
        assertThrows(TrapException.class, () -> vm.call("vm_sum_squares", 1_000_000));
        assertEquals(1, vm.trapped());
        assertTrue(vm.fuel() < 0 && vm.fuel() > -100, "overshoot " + vm.fuel());
    }

    @Test
    void instructionFixtureRunsIdentically() {
        for (Engine e : Engine.values()) {
            MeteredVm plain = new MeteredVm(Fixtures.load(Fixtures.ALL_INSTRUCTIONS), Engine.INTERPRETER);
            MeteredVm vm = vm(Fixtures.ALL_INSTRUCTIONS, e, CounterPlacement.AUTO);
            vm.setFuel(1L << 40);
            for (long n : new long[] {0, 4, 17}) {
                assertArrayEquals(plain.call("control", n), vm.call("control", n));
            }
            assertArrayEquals(plain.call("multi", 9, 4), vm.call("multi", 9, 4));
            assertArrayEquals(plain.call("calls", 5), vm.call("calls", 5));
            assertArrayEquals(plain.call("tables", 6), vm.call("tables", 6));
            assertArrayEquals(plain.call("memops", 0x1234_5678), vm.call("memops", 0x1234_5678));
            assertArrayEquals(plain.call("i32ops", 123456789, 13), vm.call("i32ops", 123456789, 13));
            assertTrue(vm.fuel() < 1L << 40);
        }
    }

    @Test
    void commandWritesModuleAndReportsGrowth(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.wasm");
        Path out = dir.resolve("out.wasm");
        Files.write(in, Fixtures.load(Fixtures.INTERP_O2));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int code = MeterCommand.run(Map.of("--in", in.toString(), "--out", out.toString(),
                "--initial-fuel", "9e18"), new PrintStream(text, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        String printed = text.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("max growth"), printed);
        MeteredVm vm = new MeteredVm(Files.readAllBytes(out), Engine.INTERPRETER);
        assertEquals(9_000_000_000_000_000_000L, vm.fuel());
        assertThrows(IllegalArgumentException.class, () -> MeterCommand.parseFuel("1e30"));
        assertTrue(printed.contains("br_table arms charged with their br_table (cap 32)"), printed);
        assertTrue(printed.contains("ifs charged with the code before them (cap 16)"), printed);
        assertThrows(IllegalArgumentException.class, () -> MeterCommand.parseCap("--dispatch-cap", "-1"));
        assertThrows(IllegalArgumentException.class, () -> MeterCommand.parseCap("--fold-cap", "1e3"));
        assertEquals(0, MeterCommand.parseCap("--fold-cap", "0"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> MeterCommand.run(
                Map.of("--in", in.toString(), "--out", out.toString(), "--fold", "3"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertEquals("unknown option --fold for meter", unknown.getMessage());

        Path memOut = dir.resolve("mem.wasm");
        assertEquals(0, MeterCommand.run(Map.of("--in", in.toString(), "--out", memOut.toString(),
                "--storage", "memory", "--entry-checks", "cycles"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        MeteredVm mem = new MeteredVm(Files.readAllBytes(memOut), Engine.INTERPRETER);
        assertTrue(mem.inMemory());
        mem.setFuel(1L << 40);
        mem.call("_initialize");
        assertEquals(vm.consumed("fib", 12), mem.consumed("fib", 12));
        assertThrows(IllegalArgumentException.class, () -> MeterCommand.run(Map.of("--in", in.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }
}
