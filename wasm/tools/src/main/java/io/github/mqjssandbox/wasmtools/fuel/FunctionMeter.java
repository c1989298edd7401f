package io.github.mqjssandbox.wasmtools.fuel;

import io.github.mqjssandbox.wasmtools.wasm.BlockStructure;
import io.github.mqjssandbox.wasmtools.wasm.BlockType;
import io.github.mqjssandbox.wasmtools.wasm.FunctionBody;
import io.github.mqjssandbox.wasmtools.wasm.Instruction;
import io.github.mqjssandbox.wasmtools.wasm.Opcode;
import io.github.mqjssandbox.wasmtools.wasm.ValType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instruments one function body; see {@link FuelMeter} for the design. Two passes: the first
 * splits the body into regions and sums their static costs, the second emits the code with a
 * charge at the start of every region.
 */
final class FunctionMeter {
    private static final int DEAD = -1;

    private final List<Instruction> code;
    private final BlockStructure blocks;
    private final int paramCount;
    private final FunctionBody body;
    private final int fuelGlobal;
    private final int trapFunction;
    private final boolean splitAtBrIf;
    /** The shared counter is the i64 at {@link FuelMeter#FUEL_ADDRESS} instead of a global. */
    private final boolean inMemory;
    /** Whether the function is checked at entry (when it contains calls). */
    private final boolean entryCheckAllowed;

    // ---- analysis ----
    /** Per opener: some path leaves the construct other than through its end. */
    private final boolean[] escapes;
    /** Per block/if opener: some branch lands right after its end. */
    private final boolean[] targeted;
    /** Per branch instruction: one of its targets leaves the function. */
    private final boolean[] exitsFunction;
    /** Per block/if opener: the one branch instruction that targets it, NONE or MANY. */
    private final int[] soleBranch;
    private static final int NONE = -1;
    private static final int MANY = -2;
    private boolean hasLoop;
    private boolean hasCall;
    private boolean hasLengthCost;

    // ---- regions ----
    /** Region whose charge is emitted right after instruction i, or -1. */
    private final int[] regionAfter;
    /** Whether instruction i can execute (is not in dead code after br/return/unreachable). */
    private final boolean[] live;
    private final List<long[]> regionCost = new ArrayList<>();
    private final List<Boolean> regionIsLoopHeader = new ArrayList<>();
    private boolean endReachable;
    /** {then-arm region, region D, cost of D when the if ended}: see {@link #effectiveCost}. */
    private final List<long[]> refunds = new ArrayList<>();
    /** Per region: the br_table that alone enters it (a dispatch arm), or -1. */
    private final List<Integer> regionArmOf = new ArrayList<>();
    /** Per dispatching br_table: the flat price charged with it for entering any of its arms. */
    private final Map<Integer, Long> dispatchPrice = new HashMap<>();
    private final long dispatchCap;
    /** Largest cost of an {@code if} construct charged with the code before it (see FuelMeter); 0 = none. */
    private final long foldCap;
    /** Per if opener: the whole construct is charged with the region around it. */
    private final boolean[] folded;
    /** Per loop opener: the loop contains no call of any kind. */
    private final boolean[] callFree;
    /** Per instruction: the outermost call-free loop whose body contains the point right after it, or -1. */
    private final int[] hotRoot;

    FunctionMeter(FunctionBody body, int paramCount, int fuelGlobal, int trapFunction, boolean splitAtBrIf) {
        this(body, paramCount, fuelGlobal, trapFunction, splitAtBrIf, false, true, 0, 0);
    }

    /**
     * @param fuelGlobal the counter global, ignored when {@code inMemory}
     * @param entryCheck false to skip the entry check even if the function contains calls
     */
    FunctionMeter(FunctionBody body, int paramCount, int fuelGlobal, int trapFunction, boolean splitAtBrIf,
            boolean inMemory, boolean entryCheck, long dispatchCap, long foldCap) {
        this.dispatchCap = dispatchCap;
        this.foldCap = foldCap;
        this.inMemory = inMemory;
        this.entryCheckAllowed = entryCheck;
        this.body = body;
        this.code = body.instructions();
        this.blocks = BlockStructure.of(code);
        this.paramCount = paramCount;
        this.fuelGlobal = fuelGlobal;
        this.trapFunction = trapFunction;
        this.splitAtBrIf = splitAtBrIf;
        int n = code.size();
        escapes = new boolean[n];
        targeted = new boolean[n];
        exitsFunction = new boolean[n];
        soleBranch = new int[n];
        Arrays.fill(soleBranch, NONE);
        regionAfter = new int[n];
        live = new boolean[n];
        callFree = new boolean[n];
        hotRoot = new int[n];
        folded = new boolean[n];
        analyzeBranches();
        findHotLoops();
        splitRegions();
        if (foldCap > 0 && chooseFolds()) {
            splitRegions();
        }
        if (dispatchCap > 0 && priceDispatches()) {
            splitRegions();
        }
    }

    /** Whether the instrumented body checks at entry. */
    boolean hasEntryCheck() {
        return hasCall && entryCheckAllowed;
    }

    boolean hasLoop() {
        return hasLoop;
    }

    /** Number of br_table arms whose entry is charged (in part or in full) with the br_table. */
    int dispatchArmCount() {
        return (int) regionArmOf.stream().filter(b -> b >= 0 && dispatchPrice.containsKey(b)).count();
    }

    /** Number of if constructs charged with the code around them. */
    int foldedIfCount() {
        int count = 0;
        for (boolean f : folded) {
            count += f ? 1 : 0;
        }
        return count;
    }

    /** Number of charge sites (regions), for reports and tests. */
    int regionCount() {
        return regionCost.size();
    }

    private void analyzeBranches() {
        for (int i = 0; i < code.size(); i++) {
            Instruction insn = code.get(i);
            Opcode op = insn.opcode();
            Set<Integer> labels = new LinkedHashSet<>();
            boolean leavesFunction = false;
            switch (op) {
                case LOOP:
                    hasLoop = true;
                    break;
                case CALL:
                case CALL_INDIRECT:
                    hasCall = true;
                    break;
                case BR:
                case BR_IF:
                    labels.add(((Instruction.Indexed) insn).index());
                    break;
                case BR_TABLE:
                    labels.addAll(((Instruction.BrTable) insn).targets());
                    labels.add(((Instruction.BrTable) insn).defaultTarget());
                    break;
                case RETURN:
                    leavesFunction = true;
                    break;
                case RETURN_CALL:
                case RETURN_CALL_INDIRECT:
                    hasCall = true;
                    leavesFunction = true;
                    break;
                default:
                    if (FuelCosts.hasLengthCost(op)) {
                        hasLengthCost = true;
                    }
                    break;
            }
            if (leavesFunction) {
                markEscapes(i, -1);
            }
            for (int label : labels) {
                int target = blocks.branchTarget(i, label);
                if (target < 0) {
                    exitsFunction[i] = true;
                } else if (code.get(target).opcode() != Opcode.LOOP) {
                    targeted[target] = true;
                    soleBranch[target] = soleBranch[target] == NONE || soleBranch[target] == i ? i : MANY;
                }
                markEscapes(i, target);
            }
        }
    }

    /** Marks every construct around {@code from} that a jump to {@code target} leaves. */
    private void markEscapes(int from, int target) {
        for (int b = blocks.enclosingBlock(from); b != target && b >= 0; b = blocks.enclosingBlock(b)) {
            escapes[b] = true;
        }
    }

    private int newRegion(int after, boolean loopHeader) {
        regionCost.add(new long[1]);
        regionIsLoopHeader.add(loopHeader);
        regionArmOf.add(-1);
        int id = regionCost.size() - 1;
        if (after >= 0) {
            regionAfter[after] = id;
        }
        return id;
    }

    private void splitRegions() {
        regionCost.clear();
        regionIsLoopHeader.clear();
        regionArmOf.clear();
        refunds.clear();
        Arrays.fill(live, false);
        Arrays.fill(regionAfter, -1);
        int cur = newRegion(-1, false);
        Deque<int[]> open = new ArrayDeque<>(); // {opener, region current at the opener}
        int deadNesting = 0; // > 0 inside a construct that starts in dead code
        int foldOpener = -1; // the folded if being walked, whose region pays for all of it
        int foldRegion = DEAD;
        for (int i = 0; i < code.size(); i++) {
            Opcode op = code.get(i).opcode();
            if (deadNesting > 0) {
                if (op.opensBlock()) {
                    deadNesting++;
                } else if (op == Opcode.END) {
                    deadNesting--;
                }
                continue;
            }
            if (cur == DEAD && op.opensBlock()) {
                deadNesting = 1;
                continue;
            }
            live[i] = cur != DEAD;
            if (cur != DEAD) {
                regionCost.get(cur)[0] += FuelCosts.staticCost(op) + dispatchPrice.getOrDefault(i, 0L);
            }
            switch (op) {
                case BLOCK:
                    open.push(new int[] {i, cur});
                    break;
                case LOOP:
                    open.push(new int[] {i, cur});
                    cur = newRegion(i, true);
                    break;
                case IF:
                    open.push(new int[] {i, cur});
                    if (foldOpener < 0 && folded[i]) {
                        foldOpener = i;
                        foldRegion = cur;
                    }
                    if (foldOpener < 0) {
                        cur = newRegion(i, false);
                    }
                    break;
                case ELSE:
                    cur = foldOpener >= 0 ? foldRegion : newRegion(i, false);
                    break;
                case END: {
                    int[] frame = open.pop();
                    int opener = frame[0];
                    Opcode kind = code.get(opener).opcode();
                    if (foldOpener >= 0) {
                        // Inside a folded if everything was paid for at its start: where the
                        // rules below would start a region, go on in the folded one instead.
                        boolean onlyFallenInto = kind == Opcode.BLOCK && escapes[opener] && !targeted[opener];
                        cur = onlyFallenInto ? cur : foldRegion;
                        if (opener == foldOpener) {
                            foldOpener = -1;
                        }
                    } else if (kind == Opcode.IF && cur == DEAD && escapes[opener] && !targeted[opener]
                            && blocks.elseOf(opener) < 0) {
                        // The then-arm never arrives here, only the false edge does: charge
                        // what follows with the code before the if, and let the then-arm
                        // (which has its own charge) pay that back.
                        cur = frame[1];
                        refunds.add(new long[] {regionAfter[opener], cur, regionCost.get(cur)[0]});
                    } else if (!escapes[opener]) {
                        // Every path from the opener arrives here: charge the code after the
                        // end together with the code before the opener.
                        cur = frame[1];
                    } else if (kind == Opcode.BLOCK && !targeted[opener]) {
                        // Only reachable by falling through the body: keep its region.
                        cur = cur == DEAD ? DEAD : cur;
                    } else if (kind == Opcode.LOOP && cur == DEAD) {
                        cur = DEAD;
                    } else {
                        boolean fallenInto = cur != DEAD;
                        cur = newRegion(i, false);
                        int source = soleBranch[opener];
                        if (!fallenInto && kind == Opcode.BLOCK && source >= 0
                                && code.get(source).opcode() == Opcode.BR_TABLE && live[source]) {
                            regionArmOf.set(cur, source);
                        }
                    }
                    break;
                }
                case BR:
                case BR_TABLE:
                case RETURN:
                case UNREACHABLE:
                case RETURN_CALL:
                case RETURN_CALL_INDIRECT:
                    cur = DEAD;
                    break;
                case BR_IF:
                    if (splitAtBrIf && foldOpener < 0) {
                        cur = newRegion(i, false);
                    }
                    break;
                default:
                    break;
            }
        }
        endReachable = cur != DEAD;
    }

    /**
     * Marks the if constructs charged with the region around them: those that no branch leaves,
     * that contain no loop and no br_table, and whose instructions cost at most {@link #foldCap}
     * in all. Returns whether any was marked.
     */
    private boolean chooseFolds() {
        boolean any = false;
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i).opcode() != Opcode.IF || !live[i] || escapes[i]) {
                continue;
            }
            int end = blocks.endOf(i);
            long cost = 0;
            boolean foldable = true;
            for (int j = i + 1; j <= end && foldable; j++) {
                Opcode op = code.get(j).opcode();
                foldable = op != Opcode.LOOP && op != Opcode.BR_TABLE;
                cost += FuelCosts.staticCost(op);
            }
            if (foldable && cost <= foldCap) {
                folded[i] = true;
                any = true;
                i = end; // nested ifs are paid for with this one
            }
        }
        return any;
    }

    /**
     * Sets the flat price of every br_table with dispatch arms: the largest arm entry cost, at
     * most {@link #dispatchCap}. Returns whether any was set.
     */
    private boolean priceDispatches() {
        for (int r = 0; r < regionCost.size(); r++) {
            int brTable = regionArmOf.get(r);
            if (brTable >= 0) {
                long cost = Math.min(dispatchCap, regionCost.get(r)[0]);
                dispatchPrice.merge(brTable, cost, Math::max);
            }
        }
        return !dispatchPrice.isEmpty();
    }

    /** Static charge of a region: its own cost minus what then-arms refund (may be negative). */
    private long[] effectiveCosts() {
        long[] costs = new long[regionCost.size()];
        for (int r = 0; r < costs.length; r++) {
            costs[r] = regionCost.get(r)[0];
            int brTable = regionArmOf.get(r);
            if (brTable >= 0) {
                // The br_table already charged the dispatch price for entering this arm.
                costs[r] -= Math.min(costs[r], dispatchPrice.getOrDefault(brTable, 0L));
            }
        }
        for (long[] refund : refunds) {
            int thenRegion = (int) refund[0];
            int d = (int) refund[1];
            costs[thenRegion] -= regionCost.get(d)[0] - refund[2];
        }
        return costs;
    }

    /** Marks loops without calls and, per instruction, the outermost such loop around it. */
    private void findHotLoops() {
        Arrays.fill(callFree, false);
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i).opcode() == Opcode.LOOP) {
                callFree[i] = true;
            }
        }
        for (int i = 0; i < code.size(); i++) {
            Opcode op = code.get(i).opcode();
            if (op == Opcode.CALL || op == Opcode.CALL_INDIRECT || op == Opcode.RETURN_CALL
                    || op == Opcode.RETURN_CALL_INDIRECT) {
                for (int b = blocks.enclosingBlock(i); b >= 0; b = blocks.enclosingBlock(b)) {
                    callFree[b] = false;
                }
            }
        }
        for (int i = 0; i < code.size(); i++) {
            int root = -1;
            // The point after an opener is inside it; the point after an end is outside.
            int b = code.get(i).opcode().opensBlock() ? i : blocks.enclosingBlock(i);
            if (code.get(i).opcode() == Opcode.END) {
                b = blocks.enclosingBlock(b);
            }
            for (; b >= 0; b = blocks.enclosingBlock(b)) {
                if (code.get(b).opcode() == Opcode.LOOP && callFree[b]) {
                    root = b;
                }
            }
            hotRoot[i] = root;
        }
    }

    /** Where the counter lives while the function runs. */
    enum Placement {
        /** In a local for the whole function, synchronised with the global around calls. */
        CACHED,
        /** In the global, except inside loops without calls, which cache it in a local. */
        HYBRID
    }

    /** Emits the instrumented body with the counter placed as {@code placement} says. */
    FunctionBody instrument(Placement placement) {
        boolean cached = placement == Placement.CACHED;
        boolean needsEntryCheck = hasCall && entryCheckAllowed;
        boolean anyHot = false;
        for (int i = 0; i < code.size(); i++) {
            anyHot |= hotRoot[i] >= 0;
        }
        boolean needsCounterLocal = cached || needsEntryCheck || hasLoop || anyHot;
        int counter = paramCount + body.localCount();
        FunctionBody withLocals = body;
        if (needsCounterLocal) {
            withLocals = withLocals.withAppendedLocals(ValType.I64, 1);
        }
        int lengthTemp = paramCount + withLocals.localCount();
        if (hasLengthCost) {
            withLocals = withLocals.withAppendedLocals(ValType.I32, 1);
        }
        long[] costs = effectiveCosts();
        Emitter e = new Emitter(counter, lengthTemp);

        // Prologue: charge the entry region (and check) from the shared counter.
        if (needsEntryCheck) {
            if (!cached) {
                e.sharedAddress();
            }
            e.sharedLoad();
            e.subtract(costs[0]);
            e.add(Instruction.localTee(counter));
            if (!cached) {
                e.sharedStore();
                e.add(Instruction.localGet(counter));
            }
            e.check();
        } else if (cached) {
            e.sharedLoad();
            e.subtract(costs[0]);
            e.add(Instruction.localSet(counter));
        } else if (costs[0] != 0) {
            e.sharedAddress();
            e.sharedLoad();
            e.subtract(costs[0]);
            e.sharedStore();
        }

        for (int i = 0; i < code.size(); i++) {
            Instruction insn = code.get(i);
            Opcode op = insn.opcode();
            boolean callLike = op == Opcode.CALL || op == Opcode.CALL_INDIRECT;
            int hotBefore = i == 0 ? -1 : hotRoot[i - 1];
            boolean localBefore = cached || hotBefore >= 0;
            if (live[i]) {
                boolean leaves;
                if (cached) {
                    leaves = callLike || op == Opcode.RETURN || op == Opcode.UNREACHABLE
                            || op == Opcode.RETURN_CALL || op == Opcode.RETURN_CALL_INDIRECT || exitsFunction[i];
                } else {
                    leaves = hotBefore >= 0 && (op == Opcode.RETURN || op == Opcode.UNREACHABLE
                            || branchesBefore(i, hotBefore));
                }
                if (leaves) {
                    e.writeBack();
                }
                if (!cached && op == Opcode.LOOP && hotRoot[i] == i) {
                    e.sharedLoad();
                    e.add(Instruction.localSet(counter));
                }
                if (FuelCosts.hasLengthCost(op)) {
                    e.lengthCharge(localBefore);
                }
            }
            e.add(insn);
            if (live[i] && cached && callLike) {
                e.sharedLoad();
                e.add(Instruction.localSet(counter));
            }
            if (!cached && live[i] && op == Opcode.END) {
                int opener = blocks.openerOf(i);
                if (hotRoot[opener] == opener) {
                    e.writeBack();
                }
            }
            int region = regionAfter[i];
            if (region >= 0) {
                e.charge(costs[region], regionIsLoopHeader.get(region), cached || hotRoot[i] >= 0);
            }
        }
        if (cached && endReachable) {
            e.writeBack();
        }
        return FunctionBody.of(withLocals.locals(), e.out);
    }

    /** Whether the branch at {@code i} can jump to a label outside the loop at {@code root}. */
    private boolean branchesBefore(int i, int root) {
        Instruction insn = code.get(i);
        List<Integer> labels;
        switch (insn.opcode()) {
            case BR:
            case BR_IF:
                labels = List.of(((Instruction.Indexed) insn).index());
                break;
            case BR_TABLE:
                labels = new ArrayList<>(((Instruction.BrTable) insn).targets());
                labels.add(((Instruction.BrTable) insn).defaultTarget());
                break;
            default:
                return false;
        }
        for (int label : labels) {
            // Branch targets enclose i, and so does root: the target is outside root iff it
            // is further out, i.e. has a smaller index (-1 = the function).
            if (blocks.branchTarget(i, label) < root) {
                return true;
            }
        }
        return false;
    }

    /** Appends the inserted code sequences. */
    private final class Emitter {
        final List<Instruction> out = new ArrayList<>(code.size() + code.size() / 4 + 16);
        final int counter;
        final int lengthTemp;

        Emitter(int counter, int lengthTemp) {
            this.counter = counter;
            this.lengthTemp = lengthTemp;
        }

        void add(Instruction insn) {
            out.add(insn);
        }

        void subtract(long cost) {
            if (cost != 0) {
                out.add(Instruction.i64Const(cost));
                out.add(Instruction.of(Opcode.I64_SUB));
            }
        }

        /** Before the value of a {@link #sharedStore}: the address operand, if in memory. */
        void sharedAddress() {
            if (inMemory) {
                out.add(Instruction.i32Const(FuelMeter.FUEL_ADDRESS));
            }
        }

        void sharedLoad() {
            if (inMemory) {
                out.add(Instruction.i32Const(FuelMeter.FUEL_ADDRESS));
                out.add(Instruction.memory(Opcode.I64_LOAD, 3, 0));
            } else {
                out.add(Instruction.globalGet(fuelGlobal));
            }
        }

        void sharedStore() {
            out.add(inMemory ? Instruction.memory(Opcode.I64_STORE, 3, 0) : Instruction.globalSet(fuelGlobal));
        }

        /** The address operand of {@link #store}, if it needs one. */
        void address(boolean local) {
            if (!local) {
                sharedAddress();
            }
        }

        void load(boolean local) {
            if (local) {
                out.add(Instruction.localGet(counter));
            } else {
                sharedLoad();
            }
        }

        void store(boolean local) {
            if (local) {
                out.add(Instruction.localSet(counter));
            } else {
                sharedStore();
            }
        }

        void writeBack() {
            sharedAddress();
            out.add(Instruction.localGet(counter));
            sharedStore();
        }

        /** Stack: [... fuel] with fuel also in the counter local. Traps if negative. */
        void check() {
            out.add(Instruction.i64Const(0));
            out.add(Instruction.of(Opcode.I64_LT_S));
            out.add(Instruction.ifBlock(BlockType.EMPTY));
            out.add(Instruction.localGet(counter));
            out.add(Instruction.call(trapFunction));
            out.add(Instruction.end());
        }

        void charge(long cost, boolean loopHeader, boolean local) {
            if (loopHeader) {
                address(local);
                load(local);
                subtract(cost);
                out.add(Instruction.localTee(counter));
                if (!local) {
                    sharedStore();
                    out.add(Instruction.localGet(counter));
                }
                check();
            } else if (cost != 0) {
                address(local);
                load(local);
                subtract(cost);
                store(local);
            }
        }

        /** Stack: [... n] (i32 length on top). Charges n >>> 6 and leaves the stack as is. */
        void lengthCharge(boolean local) {
            out.add(Instruction.localSet(lengthTemp));
            address(local);
            load(local);
            out.add(Instruction.localGet(lengthTemp));
            out.add(Instruction.of(Opcode.I64_EXTEND_I32_U));
            out.add(Instruction.i64Const(FuelCosts.BULK_SHIFT));
            out.add(Instruction.of(Opcode.I64_SHR_U));
            out.add(Instruction.of(Opcode.I64_SUB));
            store(local);
            out.add(Instruction.localGet(lengthTemp));
        }
    }
}
