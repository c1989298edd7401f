package io.github.mqjssandbox.wasmtools.split;

import io.github.mqjssandbox.wasmtools.wasm.BlockStructure;
import io.github.mqjssandbox.wasmtools.wasm.Instruction;
import io.github.mqjssandbox.wasmtools.wasm.Opcode;
import java.util.Arrays;
import java.util.List;

/**
 * Backward liveness of locals over the control-flow graph of a structured body, one node per
 * instruction. {@code live(p)} is the set of locals whose current value may be read on some
 * path starting just before instruction p (p == size: the function end, nothing is live).
 */
final class Liveness {
    private final int words;
    private final long[][] live;

    Liveness(List<Instruction> code, BlockStructure blocks, int localCount) {
        int n = code.size();
        words = Math.max(1, (localCount + 63) / 64);
        live = new long[n + 1][words];
        int[][] succ = new int[n][];
        for (int i = 0; i < n; i++) {
            succ[i] = successors(code, blocks, i, n);
        }
        boolean changed = true;
        long[] tmp = new long[words];
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                Arrays.fill(tmp, 0);
                for (int s : succ[i]) {
                    long[] l = live[s];
                    for (int w = 0; w < words; w++) {
                        tmp[w] |= l[w];
                    }
                }
                Instruction insn = code.get(i);
                Opcode op = insn.opcode();
                if (op == Opcode.LOCAL_SET || op == Opcode.LOCAL_TEE) {
                    int x = ((Instruction.Indexed) insn).index();
                    tmp[x >>> 6] &= ~(1L << x);
                } else if (op == Opcode.LOCAL_GET) {
                    int x = ((Instruction.Indexed) insn).index();
                    tmp[x >>> 6] |= 1L << x;
                }
                if (!Arrays.equals(tmp, live[i])) {
                    System.arraycopy(tmp, 0, live[i], 0, words);
                    changed = true;
                }
            }
        }
    }

    boolean isLive(int point, int local) {
        return (live[point][local >>> 6] & (1L << local)) != 0;
    }

    /** Where control goes from the point a branch with {@code label} at {@code i} lands. */
    static int branchDestination(BlockStructure blocks, int i, int label, int n) {
        int target = blocks.branchTarget(i, label);
        if (target < 0) {
            return n;
        }
        if (blocks.instructions().get(target).opcode() == Opcode.LOOP) {
            return target;
        }
        return blocks.endOf(target);
    }

    private static int[] successors(List<Instruction> code, BlockStructure blocks, int i, int n) {
        Instruction insn = code.get(i);
        switch (insn.opcode()) {
            case BR:
                return new int[] {branchDestination(blocks, i, ((Instruction.Indexed) insn).index(), n)};
            case BR_IF:
                return new int[] {i + 1, branchDestination(blocks, i, ((Instruction.Indexed) insn).index(), n)};
            case BR_TABLE: {
                Instruction.BrTable t = (Instruction.BrTable) insn;
                int[] s = new int[t.targets().size() + 1];
                for (int k = 0; k < t.targets().size(); k++) {
                    s[k] = branchDestination(blocks, i, t.targets().get(k), n);
                }
                s[s.length - 1] = branchDestination(blocks, i, t.defaultTarget(), n);
                return Arrays.stream(s).distinct().toArray();
            }
            case RETURN:
            case UNREACHABLE:
            case RETURN_CALL:
            case RETURN_CALL_INDIRECT:
                return new int[0];
            case IF: {
                int els = blocks.elseOf(i);
                return new int[] {i + 1, els >= 0 ? els + 1 : blocks.endOf(i)};
            }
            case ELSE:
                return new int[] {blocks.endOf(blocks.openerOf(i))};
            default:
                return new int[] {i + 1};
        }
    }
}
