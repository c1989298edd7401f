package io.github.mqjssandbox.wasmtools.split;

import io.github.mqjssandbox.wasmtools.wasm.BlockStructure;
import io.github.mqjssandbox.wasmtools.wasm.BlockType;
import io.github.mqjssandbox.wasmtools.wasm.ByteWriter;
import io.github.mqjssandbox.wasmtools.wasm.FuncType;
import io.github.mqjssandbox.wasmtools.wasm.FunctionBody;
import io.github.mqjssandbox.wasmtools.wasm.Global;
import io.github.mqjssandbox.wasmtools.wasm.GlobalType;
import io.github.mqjssandbox.wasmtools.wasm.Instruction;
import io.github.mqjssandbox.wasmtools.wasm.InstructionWriter;
import io.github.mqjssandbox.wasmtools.wasm.LocalGroup;
import io.github.mqjssandbox.wasmtools.wasm.Opcode;
import io.github.mqjssandbox.wasmtools.wasm.ValType;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Splits functions whose body is larger than a byte budget by outlining regions into new
 * functions until every body fits.
 *
 * <p>A region is a run of sibling instructions between two {@linkplain StackAnalysis
 * boundaries} of one block body (empty operand stack at both ends), e.g. one case arm of a
 * {@code br_table} dispatch. Locals the region needs that are live on entry become parameters;
 * locals it writes that are live at one of its exits become results. Branches that leave the
 * region (to an enclosing label, or {@code return}) end the outlined function with an exit
 * code, returned as the first result, on which the caller dispatches ({@code br_if} /
 * {@code br_table}); returned values travel as extra results. Regions are chosen greedily:
 * with an {@link EntryProfile} from a training run, those entered least often per byte
 * removed first (each entry becomes a call); without one, or between equals, largest first.
 */
public final class Splitter {

    /** Tuning knobs; {@code maxBytes} is the budget for an encoded function body. */
    public record Options(int maxBytes, int maxExits, int minRegionBytes, int maxParams, Transfer transfer,
            int scratchBase, int scratchBytes, EntryProfile profile) {
        public static final int DEFAULT_SCRATCH_BASE = 8;
        public static final int DEFAULT_SCRATCH_BYTES = 1016;

        public static Options withBudget(int maxBytes) {
            return new Options(maxBytes, 24, 24, 64, Transfer.DEFAULT, DEFAULT_SCRATCH_BASE, DEFAULT_SCRATCH_BYTES,
                    null);
        }

        public Options withTransfer(Transfer t) {
            return new Options(maxBytes, maxExits, minRegionBytes, maxParams, t, scratchBase, scratchBytes, profile);
        }

        public Options withScratch(int base, int bytes) {
            return new Options(maxBytes, maxExits, minRegionBytes, maxParams, transfer, base, bytes, profile);
        }

        /** Outline the regions a training run entered least often first (null: largest first). */
        public Options withProfile(EntryProfile p) {
            return new Options(maxBytes, maxExits, minRegionBytes, maxParams, transfer, scratchBase, scratchBytes, p);
        }
    }

    /**
     * How an outlined function hands back more than one value. Chicory boxes a multi-value
     * result into a {@code long[]}, so every mode but {@code RESULTS} returns at most one value
     * (the exit code, or the single live-out) and moves the others elsewhere.
     */
    public enum Transfer {
        /** All values are wasm results (multi-value). */
        RESULTS,
        /** Extra values go through a pool of mutable globals. */
        GLOBALS,
        /**
         * Extra values are stored by the callee into 8-byte slots of a scratch area of linear
         * memory 0 right before it returns and loaded by the caller right after the call.
         */
        MEMORY;

        public static final Transfer DEFAULT = RESULTS;

        public static Transfer parse(String s) {
            try {
                return valueOf(s.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--transfer must be results, globals or memory, got " + s);
            }
        }
    }

    /** What happened to one function that was over budget. */
    public record FunctionReport(int function, int bytesBefore, int bytesAfter, int outlined) {
    }

    /**
     * {@code memoryFallbacks}: in MEMORY mode, regions given multi-value results instead (more
     * values than scratch slots, or the call site would not have shrunk the caller).
     */
    public record Result(List<FunctionReport> functions, int newFunctions, List<String> warnings,
            int memoryFallbacks, Calls trainingCalls) {
    }

    /**
     * How often the training run (the profile) entered the regions that were outlined: each
     * entry is now a call, and a boxed one when the new function returns more than one value
     * (Chicory hands those back in a {@code long[]}). Zero without a profile.
     */
    public record Calls(long calls, long boxed) {
    }

    private static final boolean DEBUG = Boolean.getBoolean("split.debug");
    /** Debugging aid: stop after this many outlinings. */
    private static final int LIMIT = Integer.getInteger("split.limit", Integer.MAX_VALUE);

    private final WasmModule module;
    private final Options options;
    /** Per function: {exit-code local, first return-value local} appended to the caller. */
    private final Map<Integer, int[]> dispatchLocals = new HashMap<>();
    /**
     * Per function being split: how often control reached each point (before instruction i;
     * the last entry is the body's end) in the training run, carried along as code moves. All
     * zero without a profile.
     */
    private final Map<Integer, long[]> heat = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Deque<Integer> work = new ArrayDeque<>();
    private int created;
    private int memoryFallbacks;
    private long outlinedEntries;
    private long boxedEntries;

    private Splitter(WasmModule module, Options options) {
        this.module = module;
        this.options = options;
    }

    /** Splits {@code module} in place. */
    public static Result split(WasmModule module, Options options) {
        return new Splitter(module, options).run();
    }

    private Result run() {
        if (options.transfer() == Transfer.MEMORY) {
            ScratchCheck.verify(module, options.scratchBase(), options.scratchBytes());
        }
        List<FunctionReport> reports = new ArrayList<>();
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            if (module.body(f).byteSize() > options.maxBytes()) {
                work.add(f);
                heat.put(f, initialHeat(f));
            }
        }
        while (!work.isEmpty()) {
            int f = work.poll();
            int before = module.body(f).byteSize();
            int outlined = 0;
            while (module.body(f).byteSize() > options.maxBytes()) {
                int size = module.body(f).byteSize();
                if (created >= LIMIT) {
                    break;
                }
                int newFunction = outlineOne(f);
                if (newFunction < 0) {
                    warnings.add("function " + f + ": no region left to outline, still " + size + " bytes");
                    break;
                }
                outlined++;
                if (DEBUG) {
                    System.err.printf("f%d %d -> %d, new f%d %d bytes%n", f, size, module.body(f).byteSize(),
                            newFunction, module.body(newFunction).byteSize());
                }
                if (module.body(f).byteSize() >= size) {
                    warnings.add("function " + f + ": outlining did not shrink it (" + size + " bytes)");
                    break;
                }
            }
            reports.add(new FunctionReport(f, before, module.body(f).byteSize(), outlined));
        }
        return new Result(reports, created, warnings, memoryFallbacks, new Calls(outlinedEntries, boxedEntries));
    }

    /** Entry counts of {@code f} from the profile, checked against the module's code. */
    private long[] initialHeat(int f) {
        List<Instruction> code = module.body(f).instructions();
        long[] counts = new long[code.size() + 1];
        if (options.profile() == null) {
            return counts;
        }
        Map<Integer, Long> recorded = options.profile().function(f).orElseThrow(() -> profileMismatch(f,
                "it has no counts for this function"));
        StackAnalysis stack = new StackAnalysis(module, module.functionType(f), code);
        long last = 0;
        int matched = 0;
        for (int i = 0; i <= code.size(); i++) {
            if (EntryProfiler.isEntryPoint(stack, i)) {
                Long count = recorded.get(i);
                if (count == null) {
                    throw profileMismatch(f, "it has no count for instruction " + i);
                }
                last = count;
                matched++;
            }
            counts[i] = last; // other points only inherit a count for bookkeeping
        }
        if (matched != recorded.size()) {
            throw profileMismatch(f, "it has counts for instructions that are not region starts");
        }
        return counts;
    }

    private static IllegalArgumentException profileMismatch(int f, String why) {
        return new IllegalArgumentException("the profile does not match function " + f + " of this module (" + why
                + "): record it on the same module with 'wasm-tools profile'");
    }

    // ---------------------------------------------------------------- region choice

    /** A run of sibling instructions that could be outlined, entered {@code entries} times. */
    private record Candidate(int body, int from, int to, int size, long entries) {
        /** Orders by calls added per byte removed, then larger first, then earlier first. */
        static int compare(Candidate a, Candidate b, List<List<Integer>> boundaries) {
            int byCost = compareProducts(a.entries, b.size, b.entries, a.size);
            if (byCost != 0) {
                return byCost;
            }
            int bySize = Integer.compare(b.size, a.size);
            return bySize != 0 ? bySize
                    : Integer.compare(boundaries.get(a.body).get(a.from), boundaries.get(b.body).get(b.from));
        }
    }

    /** Compares x1·y1 with x2·y2 for non-negative factors, exactly (128-bit products). */
    static int compareProducts(long x1, long y1, long x2, long y2) {
        int high = Long.compare(Math.multiplyHigh(x1, y1), Math.multiplyHigh(x2, y2));
        return high != 0 ? high : Long.compareUnsigned(x1 * y1, x2 * y2);
    }

    private enum Kind { FALL, BRANCH, RETURN }

    /**
     * One destination of a region: fall through, branch to enclosing label {@code label} (the
     * block/loop at instruction {@code opener}), or return. {@code target} is the point where
     * execution continues, for liveness.
     */
    private record Exit(Kind kind, int label, int opener, int target) {
    }

    /** A checked region: its exits and the locals it takes and gives back. */
    private record Region(int start, int end, List<Exit> exits, boolean hasBrTableExit,
            int[] ins, int[] outs, int[] used) {
    }

    /** Outlines one region of {@code f}; returns the new function index or -1. */
    private int outlineOne(int f) {
        FunctionBody body = module.body(f);
        FuncType type = module.functionType(f);
        List<Instruction> code = body.instructions();
        int n = code.size();
        int[] prefix = new int[n + 1];
        ByteWriter w = new ByteWriter(n * 3);
        for (int i = 0; i < n; i++) {
            InstructionWriter.write(w, code.get(i));
            prefix[i + 1] = w.size();
        }
        StackAnalysis stack = new StackAnalysis(module, type, code);
        BlockStructure blocks = BlockStructure.of(code);
        List<ValType> localTypes = localTypes(type, body);
        Liveness live = new Liveness(code, blocks, localTypes.size());
        int limit = options.maxBytes() - Math.max(16, options.maxBytes() / 10);

        long[] entries = heat.get(f);
        PriorityQueue<Candidate> queue = new PriorityQueue<>((a, b) -> Candidate.compare(a, b, stack.bodyBoundaries));
        for (int b = 0; b < stack.bodyBoundaries.size(); b++) {
            List<Integer> points = stack.bodyBoundaries.get(b);
            int c = 0;
            for (int a = 0; a < points.size(); a++) {
                c = Math.max(c, a);
                while (c + 1 < points.size() && prefix[points.get(c + 1)] - prefix[points.get(a)] <= limit) {
                    c++;
                }
                offer(queue, stack, prefix, entries, b, a, c, n);
            }
        }
        while (!queue.isEmpty()) {
            Candidate cand = queue.poll();
            List<Integer> points = stack.bodyBoundaries.get(cand.body());
            Region region = check(points.get(cand.from()), points.get(cand.to()), code, type, blocks,
                    stack, live, localTypes.size());
            if (region != null) {
                int newFunction = outline(f, type, body, localTypes, region, options.transfer());
                if (newFunction < 0 && options.transfer() == Transfer.MEMORY) {
                    // the loads/stores made the call site too big: this region returns multi-value
                    newFunction = outline(f, type, body, localTypes, region, Transfer.RESULTS);
                    if (newFunction >= 0) {
                        memoryFallbacks++;
                    }
                }
                if (newFunction >= 0) {
                    return newFunction;
                }
            }
            offer(queue, stack, prefix, entries, cand.body(), cand.from(), cand.to() - 1, n);
        }
        return -1;
    }

    private void offer(PriorityQueue<Candidate> queue, StackAnalysis stack, int[] prefix, long[] entries, int body,
            int from, int to, int n) {
        if (to <= from) {
            return;
        }
        List<Integer> points = stack.bodyBoundaries.get(body);
        int s = points.get(from);
        int e = points.get(to);
        int size = prefix[e] - prefix[s];
        if (size < options.minRegionBytes() || (s == 0 && e == n)) {
            return;
        }
        queue.add(new Candidate(body, from, to, size, entries[s]));
    }

    private Region check(int s, int e, List<Instruction> code, FuncType type, BlockStructure blocks,
            StackAnalysis stack, Liveness live, int localCount) {
        int n = code.size();
        LinkedHashMap<Integer, Exit> exits = new LinkedHashMap<>();
        if (stack.height[e] >= 0) {
            exits.put(Integer.MIN_VALUE, new Exit(Kind.FALL, 0, -1, e));
        }
        boolean brTableExit = false;
        boolean[] used = new boolean[localCount];
        boolean[] written = new boolean[localCount];
        int depth = 0;
        for (int i = s; i < e; i++) {
            Instruction insn = code.get(i);
            Opcode op = insn.opcode();
            if (op == Opcode.END) {
                depth--;
            }
            switch (op) {
                case LOCAL_GET:
                    used[((Instruction.Indexed) insn).index()] = true;
                    break;
                case LOCAL_SET:
                case LOCAL_TEE:
                    used[((Instruction.Indexed) insn).index()] = true;
                    written[((Instruction.Indexed) insn).index()] = true;
                    break;
                case RETURN_CALL:
                case RETURN_CALL_INDIRECT:
                    return null;
                case RETURN:
                    exits.putIfAbsent(-1, new Exit(Kind.RETURN, 0, -1, n));
                    break;
                case BR:
                case BR_IF: {
                    int l = ((Instruction.Indexed) insn).index();
                    if (l >= depth && !addExit(exits, blocks, type, i, l, depth, op == Opcode.BR)) {
                        return null;
                    }
                    break;
                }
                case BR_TABLE: {
                    Instruction.BrTable t = (Instruction.BrTable) insn;
                    List<Integer> all = new ArrayList<>(t.targets());
                    all.add(t.defaultTarget());
                    for (int l : all) {
                        if (l >= depth) {
                            brTableExit = true;
                            if (!addExit(exits, blocks, type, i, l, depth, false)) {
                                return null;
                            }
                        }
                    }
                    break;
                }
                default:
                    break;
            }
            if (op.opensBlock()) {
                depth++;
            }
        }
        if (exits.size() > options.maxExits()) {
            return null;
        }
        List<Integer> ins = new ArrayList<>();
        List<Integer> outs = new ArrayList<>();
        List<Integer> usedList = new ArrayList<>();
        for (int x = 0; x < localCount; x++) {
            if (!used[x]) {
                continue;
            }
            usedList.add(x);
            if (live.isLive(s, x)) {
                ins.add(x);
            }
            if (written[x]) {
                for (Exit ex : exits.values()) {
                    if (live.isLive(ex.target(), x)) {
                        outs.add(x);
                        break;
                    }
                }
            }
        }
        if (ins.size() > options.maxParams() || outs.size() > options.maxParams()) {
            return null;
        }
        return new Region(s, e, List.copyOf(exits.values()), brTableExit, toArray(ins), toArray(outs),
                toArray(usedList));
    }

    /** Records the exit of a branch leaving the region; false if it cannot be outlined. */
    private boolean addExit(Map<Integer, Exit> exits, BlockStructure blocks, FuncType type, int i, int l,
            int depth, boolean unconditional) {
        int target = blocks.branchTarget(i, l);
        int n = blocks.instructions().size();
        if (target < 0) {
            if (!type.results().isEmpty() && !unconditional) {
                return false; // br_if / br_table carrying the function's results
            }
            exits.putIfAbsent(-1, new Exit(Kind.RETURN, 0, -1, n));
            return true;
        }
        Instruction.Block opener = (Instruction.Block) blocks.instructions().get(target);
        FuncType bt = opener.type().resolve(module.types());
        int arity = opener.opcode() == Opcode.LOOP ? bt.params().size() : bt.results().size();
        if (arity != 0) {
            return false;
        }
        exits.putIfAbsent(target, new Exit(Kind.BRANCH, l - depth, target, Liveness.branchDestination(blocks, i, l, n)));
        return true;
    }

    // ---------------------------------------------------------------- rewriting

    private int outline(int f, FuncType type, FunctionBody body, List<ValType> localTypes, Region r,
            Transfer transfer) {
        List<Instruction> code = body.instructions();
        List<Exit> exits = r.exits();
        boolean needCode = exits.size() > 1;
        boolean hasReturn = exits.stream().anyMatch(x -> x.kind() == Kind.RETURN);
        List<ValType> retTypes = hasReturn ? type.results() : List.of();

        // ---- the new function
        int[] map = new int[localTypes.size()];
        java.util.Arrays.fill(map, -1);
        List<ValType> params = new ArrayList<>();
        for (int x : r.ins()) {
            map[x] = params.size();
            params.add(localTypes.get(x));
        }
        List<ValType> declared = new ArrayList<>();
        for (int x : r.used()) {
            if (map[x] < 0) {
                map[x] = params.size() + declared.size();
                declared.add(localTypes.get(x));
            }
        }
        int codeLocal = -1;
        if (needCode) {
            codeLocal = params.size() + declared.size();
            declared.add(ValType.I32);
        }
        int retLocal = params.size() + declared.size();
        declared.addAll(retTypes);
        int tableTemp = -1;
        if (r.hasBrTableExit()) {
            tableTemp = params.size() + declared.size();
            declared.add(ValType.I32);
        }
        // Values handed back: live-out locals, then return values. Except in RESULTS mode at
        // most one is a real wasm result (Chicory boxes multi-value results into a long[]); the
        // rest go through transfer globals (one per type and position) or scratch memory slots.
        List<ValType> valueTypes = new ArrayList<>();
        for (int x : r.outs()) {
            valueTypes.add(localTypes.get(x));
        }
        valueTypes.addAll(retTypes);
        int direct = transfer == Transfer.RESULTS ? valueTypes.size() : (needCode ? 0 : Math.min(1, valueTypes.size()));
        if (transfer == Transfer.MEMORY && !fitsScratch(valueTypes.subList(direct, valueTypes.size()))) {
            transfer = Transfer.RESULTS;
            direct = valueTypes.size();
            memoryFallbacks++;
        }
        int[] slots = new int[valueTypes.size()];
        Map<ValType, Integer> perType = new HashMap<>();
        for (int k = direct; k < valueTypes.size(); k++) {
            if (transfer == Transfer.GLOBALS) {
                int pos = perType.merge(valueTypes.get(k), 1, Integer::sum) - 1;
                slots[k] = transferGlobal(valueTypes.get(k), pos);
            } else {
                slots[k] = options.scratchBase() + 8 * (k - direct);
            }
        }
        List<ValType> results = new ArrayList<>();
        if (needCode) {
            results.add(ValType.I32);
        }
        results.addAll(valueTypes.subList(0, direct));
        List<Integer> calleeValues = new ArrayList<>();
        for (int x : r.outs()) {
            calleeValues.add(map[x]);
        }
        for (int k = 0; k < retTypes.size(); k++) {
            calleeValues.add(retLocal + k);
        }

        Map<Object, Integer> codes = new HashMap<>();
        for (int k = 0; k < exits.size(); k++) {
            codes.put(exitKey(exits.get(k)), k);
        }
        BlockStructure blocks = BlockStructure.of(code);
        long[] callerHeat = heat.get(f);
        long entries = callerHeat[r.start()];
        List<Instruction> out = new ArrayList<>();
        List<Long> outHeat = new ArrayList<>();
        out.add(Instruction.block(BlockType.EMPTY));
        int depth = 0;
        for (int i = r.start(); i < r.end(); i++) {
            while (outHeat.size() < out.size()) {
                outHeat.add(outHeat.isEmpty() ? entries : callerHeat[i - 1]);
            }
            Instruction insn = code.get(i);
            Opcode op = insn.opcode();
            if (op == Opcode.END) {
                depth--;
            }
            switch (op) {
                case LOCAL_GET:
                case LOCAL_SET:
                case LOCAL_TEE:
                    out.add(((Instruction.Indexed) insn).withIndex(map[((Instruction.Indexed) insn).index()]));
                    break;
                case RETURN:
                    exitSequence(out, -1, codes, codeLocal, retLocal, retTypes.size(), depth);
                    break;
                case BR: {
                    int l = ((Instruction.Indexed) insn).index();
                    if (l < depth) {
                        out.add(insn);
                    } else {
                        int target = blocks.branchTarget(i, l);
                        exitSequence(out, target, codes, codeLocal, retLocal, target < 0 ? retTypes.size() : 0, depth);
                    }
                    break;
                }
                case BR_IF: {
                    int l = ((Instruction.Indexed) insn).index();
                    if (l < depth) {
                        out.add(insn);
                    } else {
                        out.add(Instruction.ifBlock(BlockType.EMPTY));
                        exitSequence(out, blocks.branchTarget(i, l), codes, codeLocal, retLocal, 0, depth + 1);
                        out.add(Instruction.end());
                    }
                    break;
                }
                case BR_TABLE:
                    rewriteBrTable(out, (Instruction.BrTable) insn, i, depth, blocks, codes, codeLocal, retLocal,
                            tableTemp);
                    break;
                default:
                    out.add(insn);
            }
            if (op.opensBlock()) {
                depth++;
            }
        }
        while (outHeat.size() < out.size()) {
            outHeat.add(callerHeat[r.end() - 1]);
        }
        out.add(Instruction.end());
        for (int k = direct; k < valueTypes.size(); k++) {
            if (transfer == Transfer.GLOBALS) {
                out.add(Instruction.localGet(calleeValues.get(k)));
                out.add(Instruction.globalSet(slots[k]));
            } else {
                out.add(Instruction.i32Const(0));
                out.add(Instruction.localGet(calleeValues.get(k)));
                out.add(scratchAccess(valueTypes.get(k), true, slots[k]));
            }
        }
        if (needCode) {
            out.add(Instruction.localGet(codeLocal));
        }
        for (int k = 0; k < direct; k++) {
            out.add(Instruction.localGet(calleeValues.get(k)));
        }
        FunctionBody calleeBody = FunctionBody.of(groups(declared), out);
        if (calleeBody.byteSize() > options.maxBytes()) {
            return -1; // exit plumbing made it too big; the caller tries a smaller region
        }

        // ---- the call site in the caller
        int[] dl = dispatchLocals.get(f);
        List<ValType> callerLocals = new ArrayList<>(localTypes.subList(type.params().size(), localTypes.size()));
        dl = dl == null ? new int[] {-1, -1} : dl.clone(); // committed only if the outlining happens
        // The dispatch locals are reused across call sites, but not when this region hands
        // back a value in them (they then hold a value an enclosing dispatch still needs).
        java.util.Set<Integer> outSet = new java.util.HashSet<>();
        for (int x : r.outs()) {
            outSet.add(x);
        }
        if (dl[0] >= 0 && outSet.contains(dl[0])) {
            dl[0] = -1;
        }
        for (int k = 0; dl[1] >= 0 && k < type.results().size(); k++) {
            if (outSet.contains(dl[1] + k)) {
                dl[1] = -1;
            }
        }
        if (needCode && dl[0] < 0) {
            dl[0] = type.params().size() + callerLocals.size();
            callerLocals.add(ValType.I32);
        }
        if (hasReturn && !retTypes.isEmpty() && dl[1] < 0) {
            dl[1] = type.params().size() + callerLocals.size();
            callerLocals.addAll(retTypes);
        }
        List<Instruction> site = new ArrayList<>();
        for (int x : r.ins()) {
            site.add(Instruction.localGet(x));
        }
        int callAt = site.size();
        site.add(Instruction.call(module.functionCount())); // index the new function will get
        List<Integer> callerValues = new ArrayList<>();
        for (int x : r.outs()) {
            callerValues.add(x);
        }
        for (int k = 0; k < retTypes.size(); k++) {
            callerValues.add(dl[1] + k);
        }
        for (int k = direct - 1; k >= 0; k--) {
            site.add(Instruction.localSet(callerValues.get(k)));
        }
        for (int k = direct; k < valueTypes.size(); k++) {
            if (transfer == Transfer.GLOBALS) {
                site.add(Instruction.globalGet(slots[k]));
            } else {
                site.add(Instruction.i32Const(0));
                site.add(scratchAccess(valueTypes.get(k), false, slots[k]));
            }
            site.add(Instruction.localSet(callerValues.get(k)));
        }
        dispatch(site, exits, dl, retTypes.size());

        int siteBytes = InstructionWriter.encodeExpression(site).length;
        int regionBytes = InstructionWriter.encodeExpression(code.subList(r.start(), r.end())).length;
        if (siteBytes + 2 >= regionBytes) {
            return -1; // the call would not make the caller smaller
        }
        int typeIndex = module.internType(new FuncType(params, results));
        int newFunction = module.addFunction(typeIndex, calleeBody);
        created++;
        outlinedEntries += entries;
        if (results.size() > 1) {
            boxedEntries += entries;
        }
        site.set(callAt, Instruction.call(newFunction));
        List<Instruction> newCode = new ArrayList<>(code.size());
        newCode.addAll(code.subList(0, r.start()));
        newCode.addAll(site);
        newCode.addAll(code.subList(r.end(), code.size()));
        module.setBody(f, FunctionBody.of(groups(callerLocals), newCode));
        dispatchLocals.put(f, dl);
        long[] calleeHeat = new long[out.size() + 1];
        for (int k = 0; k < calleeHeat.length; k++) {
            calleeHeat[k] = k < outHeat.size() ? outHeat.get(k) : entries; // the exit plumbing runs once per call
        }
        heat.put(newFunction, calleeHeat);
        long[] newCallerHeat = new long[newCode.size() + 1];
        System.arraycopy(callerHeat, 0, newCallerHeat, 0, r.start());
        java.util.Arrays.fill(newCallerHeat, r.start(), r.start() + site.size(), entries);
        System.arraycopy(callerHeat, r.end(), newCallerHeat, r.start() + site.size(), callerHeat.length - r.end());
        heat.put(f, newCallerHeat);
        return newFunction;
    }

    private static Object exitKey(Exit x) {
        return x.kind() == Kind.FALL ? "fall" : x.kind() == Kind.RETURN ? "return" : (Object) x.opener();
    }

    /** Emitted inside the new function where control leaves the region towards {@code target}. */
    private void exitSequence(List<Instruction> out, int target, Map<Object, Integer> codes, int codeLocal,
            int retLocal, int returnValues, int depthToOut) {
        Object key = target < 0 ? "return" : (Object) target;
        for (int k = returnValues - 1; k >= 0; k--) {
            out.add(Instruction.localSet(retLocal + k));
        }
        int code = codes.get(key);
        if (codeLocal >= 0 && code != 0) {
            out.add(Instruction.i32Const(code));
            out.add(Instruction.localSet(codeLocal));
        }
        out.add(Instruction.br(depthToOut));
    }

    private void rewriteBrTable(List<Instruction> out, Instruction.BrTable t, int i, int depth,
            BlockStructure blocks, Map<Object, Integer> codes, int codeLocal, int retLocal, int tableTemp) {
        List<Integer> all = new ArrayList<>(t.targets());
        all.add(t.defaultTarget());
        List<Integer> outerTargets = new ArrayList<>();
        for (int l : all) {
            if (l >= depth) {
                int target = blocks.branchTarget(i, l);
                if (!outerTargets.contains(target)) {
                    outerTargets.add(target);
                }
            }
        }
        if (outerTargets.isEmpty()) {
            out.add(t);
            return;
        }
        int m = outerTargets.size();
        List<Integer> mapped = new ArrayList<>();
        for (int l : all) {
            mapped.add(l < depth ? l + m : outerTargets.indexOf(blocks.branchTarget(i, l)));
        }
        out.add(Instruction.localSet(tableTemp));
        for (int k = 0; k < m; k++) {
            out.add(Instruction.block(BlockType.EMPTY));
        }
        out.add(Instruction.localGet(tableTemp));
        out.add(new Instruction.BrTable(mapped.subList(0, mapped.size() - 1), mapped.get(mapped.size() - 1)));
        for (int j = 1; j <= m; j++) {
            out.add(Instruction.end());
            exitSequence(out, outerTargets.get(j - 1), codes, codeLocal, retLocal, 0, depth + (m - j));
        }
    }

    /** Emitted in the caller after the call: continue at the destination the exit code names. */
    private static void dispatch(List<Instruction> site, List<Exit> exits, int[] dl, int returnValues) {
        Runnable ret = () -> {
            for (int k = 0; k < returnValues; k++) {
                site.add(Instruction.localGet(dl[1] + k));
            }
            site.add(Instruction.of(Opcode.RETURN));
        };
        if (exits.isEmpty()) {
            site.add(Instruction.of(Opcode.UNREACHABLE));
            return;
        }
        if (exits.size() == 1) {
            Exit x = exits.get(0);
            if (x.kind() == Kind.BRANCH) {
                site.add(Instruction.br(x.label()));
            } else if (x.kind() == Kind.RETURN) {
                ret.run();
            }
            return;
        }
        if (exits.size() == 2 && exits.get(0).kind() == Kind.FALL) {
            Exit x = exits.get(1);
            if (x.kind() == Kind.BRANCH) {
                site.add(Instruction.brIf(x.label()));
            } else {
                site.add(Instruction.ifBlock(BlockType.EMPTY));
                ret.run();
                site.add(Instruction.end());
            }
            return;
        }
        boolean fall = exits.get(0).kind() == Kind.FALL;
        boolean hasReturn = exits.stream().anyMatch(x -> x.kind() == Kind.RETURN);
        int opened = (fall ? 1 : 0) + (hasReturn ? 1 : 0);
        site.add(Instruction.localSet(dl[0]));
        if (fall) {
            site.add(Instruction.block(BlockType.EMPTY));
        }
        if (hasReturn) {
            site.add(Instruction.block(BlockType.EMPTY));
        }
        site.add(Instruction.localGet(dl[0]));
        List<Integer> labels = new ArrayList<>();
        for (Exit x : exits) {
            switch (x.kind()) {
                case FALL:
                    labels.add(hasReturn ? 1 : 0);
                    break;
                case RETURN:
                    labels.add(0);
                    break;
                default:
                    labels.add(x.label() + opened);
            }
        }
        site.add(new Instruction.BrTable(labels.subList(0, labels.size() - 1), labels.get(labels.size() - 1)));
        if (hasReturn) {
            site.add(Instruction.end());
            ret.run();
        }
        if (fall) {
            site.add(Instruction.end());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Whether {@code types} fit the scratch area, one 8-byte slot each (numeric types only). */
    private boolean fitsScratch(List<ValType> types) {
        for (ValType t : types) {
            if (t != ValType.I32 && t != ValType.I64 && t != ValType.F32 && t != ValType.F64) {
                return false;
            }
        }
        return (long) types.size() * 8 <= options.scratchBytes();
    }

    /** A store to / load from the scratch slot at absolute address {@code address} (base operand 0). */
    private static Instruction scratchAccess(ValType type, boolean store, int address) {
        Opcode op;
        int align;
        switch (type) {
            case I32: op = store ? Opcode.I32_STORE : Opcode.I32_LOAD; align = 2; break;
            case I64: op = store ? Opcode.I64_STORE : Opcode.I64_LOAD; align = 3; break;
            case F32: op = store ? Opcode.F32_STORE : Opcode.F32_LOAD; align = 2; break;
            case F64: op = store ? Opcode.F64_STORE : Opcode.F64_LOAD; align = 3; break;
            default: throw new IllegalArgumentException("no scratch slot for " + type);
        }
        return Instruction.memory(op, align, address);
    }

    private final Map<ValType, List<Integer>> transferGlobals = new HashMap<>();

    /** The {@code pos}-th transfer global of {@code type}, added to the module on first use. */
    private int transferGlobal(ValType type, int pos) {
        List<Integer> pool = transferGlobals.computeIfAbsent(type, t -> new ArrayList<>());
        while (pool.size() <= pos) {
            Instruction zero;
            switch (type) {
                case I32: zero = Instruction.i32Const(0); break;
                case I64: zero = Instruction.i64Const(0); break;
                case F32: zero = new Instruction.F32Const(0); break;
                case F64: zero = new Instruction.F64Const(0); break;
                default: zero = new Instruction.RefNull(type);
            }
            pool.add(module.addGlobal(new Global(GlobalType.mutable(type), List.of(zero))));
        }
        return pool.get(pos);
    }

    private static List<ValType> localTypes(FuncType type, FunctionBody body) {
        List<ValType> all = new ArrayList<>(type.params());
        for (LocalGroup g : body.locals()) {
            for (int k = 0; k < g.count(); k++) {
                all.add(g.type());
            }
        }
        return all;
    }

    private static List<LocalGroup> groups(List<ValType> types) {
        List<LocalGroup> groups = new ArrayList<>();
        for (ValType t : types) {
            int last = groups.size() - 1;
            if (last >= 0 && groups.get(last).type() == t) {
                groups.set(last, new LocalGroup(groups.get(last).count() + 1, t));
            } else {
                groups.add(new LocalGroup(1, t));
            }
        }
        return groups;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
