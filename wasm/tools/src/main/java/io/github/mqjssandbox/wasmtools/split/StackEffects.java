package io.github.mqjssandbox.wasmtools.split;

import io.github.mqjssandbox.wasmtools.wasm.FuncType;
import io.github.mqjssandbox.wasmtools.wasm.Instruction;
import io.github.mqjssandbox.wasmtools.wasm.Opcode;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;

/**
 * Operand-stack effect (values popped, values pushed) of every non-control instruction.
 * Control instructions (block, loop, if, else, end, br*, return, unreachable) are handled by
 * {@link StackAnalysis} because their effect depends on the control frames.
 */
final class StackEffects {
    private StackEffects() {
    }

    /** Returns {pops, pushes}. */
    static int[] of(Instruction insn, WasmModule module) {
        Opcode op = insn.opcode();
        switch (op) {
            case NOP:
            case DATA_DROP:
            case ELEM_DROP:
                return pair(0, 0);
            case CALL: {
                FuncType t = module.functionType(((Instruction.Indexed) insn).index());
                return pair(t.params().size(), t.results().size());
            }
            case CALL_INDIRECT: {
                FuncType t = module.types().get(((Instruction.IndexPair) insn).first());
                return pair(t.params().size() + 1, t.results().size());
            }
            case DROP:
                return pair(1, 0);
            case SELECT:
            case SELECT_TYPED:
                return pair(3, 1);
            case LOCAL_GET:
            case GLOBAL_GET:
            case MEMORY_SIZE:
            case TABLE_SIZE:
            case REF_NULL:
            case REF_FUNC:
            case I32_CONST:
            case I64_CONST:
            case F32_CONST:
            case F64_CONST:
                return pair(0, 1);
            case LOCAL_SET:
            case GLOBAL_SET:
                return pair(1, 0);
            case LOCAL_TEE:
            case TABLE_GET:
            case MEMORY_GROW:
            case REF_IS_NULL:
                return pair(1, 1);
            case TABLE_SET:
                return pair(2, 0);
            case TABLE_GROW:
                return pair(2, 1);
            case MEMORY_INIT:
            case MEMORY_COPY:
            case MEMORY_FILL:
            case TABLE_INIT:
            case TABLE_COPY:
            case TABLE_FILL:
                return pair(3, 0);
            default:
                break;
        }
        if (op.prefix() == Opcode.PREFIX_FC && op.code() <= 0x07) {
            return pair(1, 1); // saturating truncation
        }
        if (op.prefix() == 0) {
            int c = op.code();
            if (c >= 0x28 && c <= 0x35) {
                return pair(1, 1); // loads
            }
            if (c >= 0x36 && c <= 0x3E) {
                return pair(2, 0); // stores
            }
            if (c == 0x45 || c == 0x50 || (c >= 0x67 && c <= 0x69) || (c >= 0x79 && c <= 0x7B)
                    || (c >= 0x8B && c <= 0x91) || (c >= 0x99 && c <= 0x9F) || (c >= 0xA7 && c <= 0xC4)) {
                return pair(1, 1); // unary numeric, conversions, sign extension
            }
            if (c >= 0x46 && c <= 0xA6) {
                return pair(2, 1); // binary numeric and comparisons
            }
        }
        throw new IllegalArgumentException("no stack effect for " + op.mnemonic());
    }

    private static int[] pair(int pops, int pushes) {
        return new int[] {pops, pushes};
    }
}
