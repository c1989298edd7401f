package io.github.mqjssandbox.wasmtools.fuel;

import io.github.mqjssandbox.wasmtools.wasm.ByteReader;
import io.github.mqjssandbox.wasmtools.wasm.Export;
import io.github.mqjssandbox.wasmtools.wasm.ExternalKind;
import io.github.mqjssandbox.wasmtools.wasm.Import;
import io.github.mqjssandbox.wasmtools.wasm.Instruction;
import io.github.mqjssandbox.wasmtools.wasm.Section;
import io.github.mqjssandbox.wasmtools.wasm.SectionId;
import io.github.mqjssandbox.wasmtools.wasm.WasmFormatException;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * The static call graph of a module and the functions that can take part in a recursion
 * (used by {@link FuelMeter.EntryChecks#CYCLES}). Edges:
 * <ul>
 *   <li>{@code call f}, {@code return_call f}: to f;</li>
 *   <li>{@code call_indirect}, {@code return_call_indirect}: to every function named in an
 *       element segment (if the element section cannot be read: to every function);</li>
 *   <li>an imported function named {@code invoke_*} (Emscripten's exception/longjmp
 *       trampolines, which call a table entry): like call_indirect;</li>
 *   <li>any other imported function: to every exported function and every table function
 *       (the host may call back into the module).</li>
 * </ul>
 * A function is <em>cyclic</em> if it lies on a cycle of this graph (an SCC with more than one
 * function, or a self-edge). Every unbounded execution either loops inside one function
 * (loop headers are checked) or recurses through a cycle (whose functions are checked at
 * entry), so checking only these functions still stops every run.
 */
final class CallGraph {
    private final int functionCount;
    private final List<BitSet> edges = new ArrayList<>();
    private final BitSet cyclic = new BitSet();

    CallGraph(WasmModule module) {
        functionCount = module.functionCount();
        BitSet tableFunctions = tableFunctions(module);
        BitSet exported = new BitSet();
        for (Export e : module.exports()) {
            if (e.kind() == ExternalKind.FUNCTION) {
                exported.set(e.index());
            }
        }
        List<String> importNames = new ArrayList<>();
        for (Import i : module.imports()) {
            if (i.descriptor() instanceof Import.FunctionImport) {
                importNames.add(i.name());
            }
        }
        for (int f = 0; f < functionCount; f++) {
            BitSet out = new BitSet();
            if (module.isImportedFunction(f)) {
                out.or(tableFunctions);
                if (!importNames.get(f).startsWith("invoke_")) {
                    out.or(exported);
                }
            } else {
                for (Instruction insn : module.body(f).instructions()) {
                    switch (insn.opcode()) {
                        case CALL:
                        case RETURN_CALL:
                            out.set(((Instruction.Indexed) insn).index());
                            break;
                        case CALL_INDIRECT:
                        case RETURN_CALL_INDIRECT:
                            out.or(tableFunctions);
                            break;
                        default:
                            break;
                    }
                }
            }
            edges.add(out);
        }
        findCycles();
    }

    boolean isCyclic(int function) {
        return cyclic.get(function);
    }

    int cyclicCount() {
        return cyclic.cardinality();
    }

    /** Functions referenced by element segments; all functions if the section is unreadable. */
    private BitSet tableFunctions(WasmModule module) {
        BitSet result = new BitSet();
        for (Section s : module.sections()) {
            if (s.id() != SectionId.ELEMENT) {
                continue;
            }
            try {
                ByteReader r = new ByteReader(s.payload());
                long count = r.readU32();
                for (long n = 0; n < count; n++) {
                    int flags = (int) r.readU32();
                    if ((flags & 3) == 2) {
                        r.readIndex(); // table index
                    }
                    if ((flags & 1) == 0) {
                        skipConstExpr(r, null); // offset
                    }
                    if ((flags & 3) != 0) {
                        r.readByte(); // elemkind or reftype
                    }
                    long items = r.readU32();
                    for (long k = 0; k < items; k++) {
                        if ((flags & 4) == 0) {
                            result.set(r.readIndex());
                        } else {
                            skipConstExpr(r, result);
                        }
                    }
                }
            } catch (WasmFormatException | IllegalStateException e) {
                result.set(0, functionCount);
            }
        }
        return result;
    }

    /** Skips a constant expression up to its end, recording ref.func targets in {@code funcs}. */
    static void skipConstExpr(ByteReader r, BitSet funcs) {
        while (true) {
            int op = r.readByte();
            switch (op) {
                case 0x0B:
                    return;
                case 0x41:
                    r.readS32();
                    break;
                case 0x42:
                    r.readS64();
                    break;
                case 0x23:
                    r.readIndex();
                    break;
                case 0xD0:
                    r.readByte();
                    break;
                case 0xD2:
                    int f = r.readIndex();
                    if (funcs != null) {
                        funcs.set(f);
                    }
                    break;
                default:
                    throw new IllegalStateException("unsupported constant expression opcode " + op);
            }
        }
    }

    /** Tarjan's SCC algorithm, iterative. */
    private void findCycles() {
        int[] index = new int[functionCount];
        int[] low = new int[functionCount];
        boolean[] onStack = new boolean[functionCount];
        java.util.Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        int counter = 0;
        for (int root = 0; root < functionCount; root++) {
            if (index[root] >= 0) {
                continue;
            }
            Deque<int[]> work = new ArrayDeque<>(); // {node, next edge to look at}
            work.push(new int[] {root, 0});
            index[root] = low[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            while (!work.isEmpty()) {
                int[] frame = work.peek();
                int v = frame[0];
                int w = edges.get(v).nextSetBit(frame[1]);
                if (w >= 0 && w < functionCount) {
                    frame[1] = w + 1;
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        work.push(new int[] {w, 0});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    int parent = work.peek()[0];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    List<Integer> scc = new ArrayList<>();
                    int x;
                    do {
                        x = stack.pop();
                        onStack[x] = false;
                        scc.add(x);
                    } while (x != v);
                    if (scc.size() > 1 || edges.get(v).get(v)) {
                        for (int m : scc) {
                            cyclic.set(m);
                        }
                    }
                }
            }
        }
    }
}
