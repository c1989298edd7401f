package io.github.mqjssandbox.wasmtools.fuel;

import io.github.mqjssandbox.wasmtools.wasm.Export;
import io.github.mqjssandbox.wasmtools.wasm.FuncType;
import io.github.mqjssandbox.wasmtools.wasm.FunctionBody;
import io.github.mqjssandbox.wasmtools.wasm.Global;
import io.github.mqjssandbox.wasmtools.wasm.GlobalType;
import io.github.mqjssandbox.wasmtools.wasm.Instruction;
import io.github.mqjssandbox.wasmtools.wasm.Opcode;
import io.github.mqjssandbox.wasmtools.wasm.ValType;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Build-time fuel metering: a deterministic instruction-count CPU limit that behaves the same
 * in every engine (Chicory's AOT compiler, run-time compiler and interpreter).
 *
 * <h2>Contract with the host</h2>
 * Two mutable globals are appended (no existing index moves) and exported:
 * {@value #FUEL_GLOBAL} (i64, remaining fuel, initial value {@code initialFuel}, 0 by default)
 * and {@value #TRAPPED_GLOBAL} (i32, 0). Code consumes fuel by subtracting from the counter;
 * when a check finds it negative, the code stores the counter into {@value #FUEL_GLOBAL}, sets
 * {@value #TRAPPED_GLOBAL} to 1 and executes {@code unreachable} (in an appended helper
 * function {@code (i64) -> ()} that is only called on that path). Imported functions are not
 * metered; calling one costs like any call. The cost of each instruction is in
 * {@link FuelCosts}.
 *
 * <p>With {@link Storage#MEMORY} the shared counter is instead the i64 at address
 * {@value #FUEL_ADDRESS} of memory 0, {@value #FUEL_GLOBAL} is not added, and an immutable
 * exported i32 global {@value #ADDRESS_GLOBAL} holds that address; everything said below about
 * "the global" then applies to that memory word. With {@link EntryChecks#CYCLES} only functions
 * on a call-graph cycle ({@link CallGraph}) are checked at entry; charges are unchanged.
 *
 * <h2>Regions (where fuel is charged)</h2>
 * A function is cut into regions; the static cost of all original instructions of a region is
 * subtracted once, at the region's start, before any of them runs. Regions start at:
 * <ul>
 *   <li>function entry;</li>
 *   <li>the start of every loop body (loop header), the then-arm of every if and the start
 *       of every else-arm (except inside small ifs, below);</li>
 *   <li>right after the end of a block/if/loop that a path can leave other than through its
 *       end (a br/br_if/br_table/return to an outer label) <em>and</em> that is a merge point
 *       (a block that is a branch target, any if, a loop). If every path through the
 *       construct arrives at its end, the code after the end is charged with the region
 *       that contains the opener instead (it runs exactly as often), so {@code if} without
 *       an escaping branch costs one charge, not two. Likewise, after an if without else
 *       whose then-arm never falls through (it ends in br/return), the code after the end is
 *       charged with the code before the if and the then-arm's own charge is reduced by
 *       that amount (a "refund"; a region's constant may thus be negative);</li>
 *   <li>after a br_if (the fall-through) only with {@link Options#splitAtBrIf()}; by default
 *       the fall-through code is charged with the code before the br_if, so a taken br_if
 *       pays for up to one region of instructions it skipped. This is deterministic and
 *       halves the number of charges.</li>
 * </ul>
 * Calls do not start a region: the code after the call was already charged with the code
 * before it, so a call that traps or unwinds (longjmp) over-charges at most the rest of the
 * region. Dead code (after br/br_table/return/unreachable up to the next else/end) is not
 * charged.
 *
 * <h2>Dispatches</h2>
 * A {@code br_table} is how C's {@code switch} (and so the engine's bytecode loop) compiles: its
 * arms start right after the ends of the blocks it targets. An arm that only the br_table enters
 * (no other branch targets that block, and the code before its end does not fall through into
 * it) would need a charge of its own, and in the interpreter's dispatch loop those hundred small
 * charges are what pushes hot arms out of the method HotSpot compiles. So, with a cap {@code C}
 * ({@link Options#dispatchCap()}, {@value #DEFAULT_DISPATCH_CAP} by default; 0 keeps exact
 * per-arm charges): the br_table's own region is charged a flat {@code P = min(C, largest entry
 * cost among those arms)} extra, and each such arm is charged only what its entry region costs
 * beyond {@code P} (nothing for arms up to {@code P}). Every path pays at least its exact cost;
 * one execution of a br_table over-pays by at most {@code P}.
 *
 * <h2>Small ifs</h2>
 * Each arm of an {@code if} is a region of its own, so branchy C code pays a charge for almost
 * every condition it tests. With a cap {@code K} ({@link Options#foldCap()},
 * {@value #DEFAULT_FOLD_CAP} by default; 0 keeps exact per-arm charges), an {@code if} construct
 * that no branch leaves (every path arrives at its end), that contains no loop and no
 * br_table, and whose instructions (both arms, nested constructs and its end) cost at most
 * {@code K} in all is charged in full with the region around it: no region starts inside it.
 * A path through it over-pays by what it skips, at most {@code K} per execution of the
 * construct.
 *
 * <h2>Checks</h2>
 * {@code if (fuel < 0) trap} runs at every loop header and at the entry of every function that
 * contains a call (any cycle in the call graph, including through imports that call back,
 * passes such a function). Functions without calls and loops run a bounded number of
 * instructions and are only charged. The check follows the charge, so fuel is never below
 * {@code -(largest region + largest call-free, loop-free run)} when the trap fires.
 *
 * <h2>Where the counter lives</h2>
 * Functions with loops keep it in a new i64 local: loaded from the global at entry, stored
 * back before every call/call_indirect (imports included), return, return_call, unreachable,
 * br/br_if/br_table that leaves the function and the function's end, and reloaded after every
 * call (the callee or host may have changed it). So the global is exact whenever control is
 * outside the function. Loop-free functions use whichever is smaller: the same scheme or
 * updating the global directly at every charge ({@link CounterPlacement#AUTO}). The
 * alternative {@link CounterPlacement#HYBRID} keeps the counter in the global except inside
 * loops without calls (smaller code, but measured 1.66x instead of 1.21x on fib(25)). A trap other than unreachable/fuel (e.g. an
 * out-of-bounds access) in a function that caches the counter leaves the global at its value
 * from the last store (under-charged by at most that function's work since its last call).
 */
public final class FuelMeter {
    public static final String FUEL_GLOBAL = "sbx_fuel_left";
    public static final String TRAPPED_GLOBAL = "sbx_fuel_trapped";
    /** Exported immutable i32 global holding the counter's address with {@link Storage#MEMORY}. */
    public static final String ADDRESS_GLOBAL = "sbx_fuel_address";
    /** Address of the little-endian i64 counter in memory 0 with {@link Storage#MEMORY}. */
    public static final int FUEL_ADDRESS = 0;
    /** Default largest flat price of a br_table dispatch (see "Dispatches" above); 0 = exact. */
    public static final long DEFAULT_DISPATCH_CAP = 32;
    /** Default largest cost of an if construct paid for with the code before it (see "Small ifs"); 0 = exact. */
    public static final long DEFAULT_FOLD_CAP = 16;

    /** Knobs of the transform. */
    public record Options(long initialFuel, boolean splitAtBrIf, CounterPlacement placement, Storage storage,
            EntryChecks entryChecks, long dispatchCap, long foldCap) {
        public Options(long initialFuel, boolean splitAtBrIf, CounterPlacement placement) {
            this(initialFuel, splitAtBrIf, placement, Storage.GLOBAL, EntryChecks.CALLERS, DEFAULT_DISPATCH_CAP,
                    DEFAULT_FOLD_CAP);
        }

        public static Options defaults() {
            return new Options(0, false, CounterPlacement.AUTO);
        }

        public Options withInitialFuel(long fuel) {
            return new Options(fuel, splitAtBrIf, placement, storage, entryChecks, dispatchCap, foldCap);
        }

        public Options withPlacement(CounterPlacement p) {
            return new Options(initialFuel, splitAtBrIf, p, storage, entryChecks, dispatchCap, foldCap);
        }

        public Options withStorage(Storage s) {
            return new Options(initialFuel, splitAtBrIf, placement, s, entryChecks, dispatchCap, foldCap);
        }

        public Options withDispatchCap(long cap) {
            return new Options(initialFuel, splitAtBrIf, placement, storage, entryChecks, cap, foldCap);
        }

        public Options withFoldCap(long cap) {
            return new Options(initialFuel, splitAtBrIf, placement, storage, entryChecks, dispatchCap, cap);
        }

        public Options withEntryChecks(EntryChecks c) {
            return new Options(initialFuel, splitAtBrIf, placement, storage, c, dispatchCap, foldCap);
        }
    }

    /** Where the shared (authoritative) counter lives. */
    public enum Storage {
        /** The exported mutable i64 global {@value #FUEL_GLOBAL}. */
        GLOBAL,
        /**
         * The i64 at address {@value #FUEL_ADDRESS} of memory 0 (every active data segment must
         * start at or after 8; Emscripten leaves [0, 1024) unused). No {@value #FUEL_GLOBAL} is
         * added; the immutable i32 global {@value #ADDRESS_GLOBAL} = {@value #FUEL_ADDRESS} is
         * exported instead. Cheaper in Chicory's compiler, where a global access is a call.
         */
        MEMORY
    }

    /** Which functions that contain calls get an entry check. */
    public enum EntryChecks {
        /** Every function that contains a call. */
        CALLERS,
        /** Only functions on a cycle of the static call graph ({@link CallGraph}). */
        CYCLES
    }

    /** Where functions keep the fuel counter while they run. */
    public enum CounterPlacement {
        /** Whole function in a local, synchronised with the global around every call. */
        CACHED,
        /** In the global, except inside loops without calls, which keep it in a local. */
        HYBRID,
        /**
         * The default: CACHED for functions with loops (measured fastest in Chicory's
         * compiler); loop-free functions take whichever of the two gives the smaller body.
         */
        AUTO
    }

    /** Size of one defined function before and after metering. */
    public record FunctionReport(int functionIndex, int bytesBefore, int bytesAfter, boolean counterInLocal,
            int regions, boolean entryCheck, int dispatchArms, int foldedIfs) {
        public double growth() {
            return bytesBefore == 0 ? 0 : (double) (bytesAfter - bytesBefore) / bytesBefore;
        }
    }

    /** Result of metering a module: the indices of what was appended and per-function sizes. */
    public record Report(int fuelGlobal, int trappedGlobal, int trapFunction, List<FunctionReport> functions) {
        /** Number of functions checked at entry. */
        public long entryChecks() {
            return functions.stream().filter(FunctionReport::entryCheck).count();
        }

        /** Number of br_table arms charged with their br_table instead of by themselves. */
        public long dispatchArms() {
            return functions.stream().mapToLong(FunctionReport::dispatchArms).sum();
        }

        /** Number of if constructs charged with the code before them. */
        public long foldedIfs() {
            return functions.stream().mapToLong(FunctionReport::foldedIfs).sum();
        }

        public long bytesBefore() {
            return functions.stream().mapToLong(FunctionReport::bytesBefore).sum();
        }

        public long bytesAfter() {
            return functions.stream().mapToLong(FunctionReport::bytesAfter).sum();
        }

        /** Function with the largest relative growth among bodies of at least {@code minBytes}. */
        public FunctionReport maxGrowth(int minBytes) {
            return functions.stream().filter(f -> f.bytesBefore() >= minBytes)
                    .max(Comparator.comparingDouble(FunctionReport::growth)).orElse(null);
        }
    }

    private FuelMeter() {
    }

    /** Meters every defined function of {@code module} in place. */
    public static Report meter(WasmModule module, Options options) {
        if (module.export(FUEL_GLOBAL).isPresent() || module.export(TRAPPED_GLOBAL).isPresent()) {
            throw new IllegalArgumentException("module is already metered (exports " + FUEL_GLOBAL + ")");
        }
        boolean inMemory = options.storage() == Storage.MEMORY;
        if (module.export(ADDRESS_GLOBAL).isPresent()) {
            throw new IllegalArgumentException("module is already metered (exports " + ADDRESS_GLOBAL + ")");
        }
        if (inMemory) {
            MemoryLayout.requireFreeCounterWord(module);
            if (options.initialFuel() != 0) {
                throw new IllegalArgumentException("--initial-fuel needs --storage global (the memory counter starts at 0)");
            }
        }
        CallGraph graph = options.entryChecks() == EntryChecks.CYCLES ? new CallGraph(module) : null;
        int firstDefined = module.importedFunctionCount();
        int endDefined = module.functionCount();
        int fuel = -1;
        if (!inMemory) {
            fuel = module.addGlobal(new Global(GlobalType.mutable(ValType.I64),
                    List.of(Instruction.i64Const(options.initialFuel()))));
        }
        int trapped = module.addGlobal(new Global(GlobalType.mutable(ValType.I32),
                List.of(Instruction.i32Const(0))));
        if (inMemory) {
            int address = module.addGlobal(new Global(GlobalType.immutable(ValType.I32),
                    List.of(Instruction.i32Const(FUEL_ADDRESS))));
            module.addExport(Export.global(ADDRESS_GLOBAL, address));
        } else {
            module.addExport(Export.global(FUEL_GLOBAL, fuel));
        }
        module.addExport(Export.global(TRAPPED_GLOBAL, trapped));
        int trapType = module.internType(FuncType.of(List.of(ValType.I64), List.of()));
        List<Instruction> trapCode = inMemory
                ? List.of(Instruction.i32Const(FUEL_ADDRESS), Instruction.localGet(0),
                        Instruction.memory(Opcode.I64_STORE, 3, 0))
                : List.of(Instruction.localGet(0), Instruction.globalSet(fuel));
        trapCode = new ArrayList<>(trapCode);
        trapCode.add(Instruction.i32Const(1));
        trapCode.add(Instruction.globalSet(trapped));
        trapCode.add(Instruction.of(Opcode.UNREACHABLE));
        int trapFunction = module.addFunction(trapType, FunctionBody.of(List.of(), trapCode));

        List<FunctionReport> reports = new ArrayList<>();
        for (int f = firstDefined; f < endDefined; f++) {
            FunctionBody original = module.body(f);
            int params = module.functionType(f).params().size();
            FunctionMeter meter = new FunctionMeter(original, params, fuel, trapFunction, options.splitAtBrIf(),
                    inMemory, graph == null || graph.isCyclic(f), options.dispatchCap(),
                    options.foldCap());
            FunctionBody metered;
            boolean inLocal;
            switch (options.placement()) {
                case CACHED:
                    metered = meter.instrument(FunctionMeter.Placement.CACHED);
                    inLocal = true;
                    break;
                case HYBRID:
                    metered = meter.instrument(FunctionMeter.Placement.HYBRID);
                    inLocal = false;
                    break;
                default:
                    FunctionBody cachedBody = meter.instrument(FunctionMeter.Placement.CACHED);
                    FunctionBody hybridBody = meter.instrument(FunctionMeter.Placement.HYBRID);
                    inLocal = meter.hasLoop() || cachedBody.byteSize() < hybridBody.byteSize();
                    metered = inLocal ? cachedBody : hybridBody;
                    break;
            }
            reports.add(new FunctionReport(f, original.byteSize(), metered.byteSize(), inLocal,
                    meter.regionCount(), meter.hasEntryCheck(), meter.dispatchArmCount(), meter.foldedIfCount()));
            module.setBody(f, metered);
        }
        return new Report(fuel, trapped, trapFunction, Collections.unmodifiableList(reports));
    }
}
