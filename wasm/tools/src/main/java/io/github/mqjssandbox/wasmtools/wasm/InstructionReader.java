package io.github.mqjssandbox.wasmtools.wasm;

import java.util.ArrayList;
import java.util.List;

/** Decodes instructions from the binary format. */
public final class InstructionReader {
    private InstructionReader() {
    }

    /**
     * Reads an expression: instructions up to and including the {@code end} that closes the
     * implicit outermost block. The returned list excludes that final {@code end}, so it is
     * always balanced (every block/loop/if has its own end inside the list).
     */
    public static List<Instruction> readExpression(ByteReader in) {
        List<Instruction> out = new ArrayList<>();
        int depth = 0;
        while (true) {
            Instruction insn = read(in);
            Opcode op = insn.opcode();
            if (op.opensBlock()) {
                depth++;
            } else if (op == Opcode.END) {
                if (depth == 0) {
                    return out;
                }
                depth--;
            }
            out.add(insn);
        }
    }

    /** Reads a single instruction. */
    public static Instruction read(ByteReader in) {
        long at = in.offset();
        int b = in.readByte();
        Opcode op;
        if (b == Opcode.PREFIX_FC) {
            long sub = in.readU32();
            op = Opcode.fromMisc(sub);
            if (op == null) {
                throw new WasmFormatException("unknown opcode 0xFC " + sub, at);
            }
        } else {
            op = Opcode.fromByte(b);
            if (op == null) {
                throw new WasmFormatException(String.format("unknown or unsupported opcode 0x%02X", b), at);
            }
        }
        return readImmediates(op, in);
    }

    private static Instruction readImmediates(Opcode op, ByteReader in) {
        switch (op.immediate()) {
            case NONE:
                return new Instruction.Simple(op);
            case BLOCK_TYPE:
                return new Instruction.Block(op, BlockType.read(in));
            case LABEL:
            case FUNCTION:
            case LOCAL:
            case GLOBAL:
            case TABLE:
            case MEMORY:
            case DATA:
            case ELEMENT:
                return new Instruction.Indexed(op, in.readIndex());
            case LABEL_TABLE:
                return readBrTable(in);
            case TYPE_AND_TABLE:
            case DATA_AND_MEMORY:
            case MEMORY_PAIR:
            case ELEMENT_AND_TABLE:
            case TABLE_PAIR:
                int first = in.readIndex();
                return new Instruction.IndexPair(op, first, in.readIndex());
            case MEMARG:
                return readMemArg(op, in);
            case I32:
                return new Instruction.I32Const(in.readS32());
            case I64:
                return new Instruction.I64Const(in.readS64());
            case F32:
                return new Instruction.F32Const(in.readF32Bits());
            case F64:
                return new Instruction.F64Const(in.readF64Bits());
            case VALUE_TYPES:
                return new Instruction.SelectTyped(FuncType.readTypes(in));
            case REF_TYPE:
                return new Instruction.RefNull(ValType.readReference(in));
            default:
                throw new AssertionError(op.immediate());
        }
    }

    private static Instruction readBrTable(ByteReader in) {
        int count = in.readIndex();
        if (count > in.remaining()) {
            throw in.error("br_table target count " + count + " exceeds input");
        }
        Integer[] targets = new Integer[count];
        for (int i = 0; i < count; i++) {
            targets[i] = in.readIndex();
        }
        return new Instruction.BrTable(List.of(targets), in.readIndex());
    }

    private static Instruction readMemArg(Opcode op, ByteReader in) {
        long at = in.offset();
        long align = in.readU32();
        if (align >= 64) {
            // Bit 6 would announce a multi-memory index; that proposal is not supported.
            throw new WasmFormatException("unsupported memarg alignment " + align, at);
        }
        return new Instruction.MemoryAccess(op, (int) align, in.readU32());
    }
}
