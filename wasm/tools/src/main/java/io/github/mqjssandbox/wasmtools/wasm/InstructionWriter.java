package io.github.mqjssandbox.wasmtools.wasm;

import java.util.List;

/** Encodes instructions into the binary format, always with canonical LEB128. */
public final class InstructionWriter {
    private InstructionWriter() {
    }

    /**
     * Writes a balanced instruction list followed by the final {@code end} that closes the
     * expression. Throws IllegalArgumentException if blocks do not nest, which catches rewriter
     * bugs before they become an invalid module.
     */
    public static void writeExpression(ByteWriter out, List<Instruction> instructions) {
        int depth = 0;
        for (int i = 0; i < instructions.size(); i++) {
            Instruction insn = instructions.get(i);
            Opcode op = insn.opcode();
            if (op.opensBlock()) {
                depth++;
            } else if (op == Opcode.END) {
                if (depth == 0) {
                    throw new IllegalArgumentException("unbalanced end at instruction " + i);
                }
                depth--;
            }
            write(out, insn);
        }
        if (depth != 0) {
            throw new IllegalArgumentException(depth + " block(s) left open at end of expression");
        }
        out.writeByte(Opcode.END.code());
    }

    /** Encodes a balanced instruction list plus final end into a fresh array. */
    public static byte[] encodeExpression(List<Instruction> instructions) {
        ByteWriter out = new ByteWriter(instructions.size() * 3 + 1);
        writeExpression(out, instructions);
        return out.toByteArray();
    }

    public static void write(ByteWriter out, Instruction insn) {
        Opcode op = insn.opcode();
        if (op.prefix() != 0) {
            out.writeByte(op.prefix());
            out.writeU32(op.code());
        } else {
            out.writeByte(op.code());
        }
        writeImmediates(out, insn);
    }

    private static void writeImmediates(ByteWriter out, Instruction insn) {
        if (insn instanceof Instruction.Simple) {
            return;
        } else if (insn instanceof Instruction.Block b) {
            b.type().write(out);
        } else if (insn instanceof Instruction.Indexed ix) {
            out.writeU32(ix.index());
        } else if (insn instanceof Instruction.BrTable bt) {
            out.writeU32(bt.targets().size());
            for (int t : bt.targets()) {
                out.writeU32(t);
            }
            out.writeU32(bt.defaultTarget());
        } else if (insn instanceof Instruction.IndexPair p) {
            out.writeU32(p.first());
            out.writeU32(p.second());
        } else if (insn instanceof Instruction.MemoryAccess m) {
            out.writeU32(m.align());
            out.writeU32(m.offset());
        } else if (insn instanceof Instruction.I32Const c) {
            out.writeS32(c.value());
        } else if (insn instanceof Instruction.I64Const c) {
            out.writeS64(c.value());
        } else if (insn instanceof Instruction.F32Const c) {
            out.writeF32Bits(c.bits());
        } else if (insn instanceof Instruction.F64Const c) {
            out.writeF64Bits(c.bits());
        } else if (insn instanceof Instruction.SelectTyped s) {
            FuncType.writeTypes(out, s.types());
        } else if (insn instanceof Instruction.RefNull r) {
            out.writeByte(r.type().code());
        } else {
            throw new AssertionError(insn);
        }
    }
}
