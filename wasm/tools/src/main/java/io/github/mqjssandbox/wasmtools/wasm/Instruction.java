package io.github.mqjssandbox.wasmtools.wasm;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One decoded instruction: an {@link Opcode} plus its immediates. The record that carries an
 * instruction is determined by {@link Opcode#immediate()}; constructors reject mismatches so
 * an instruction list can never hold an unencodable entry. All records are immutable values
 * (equal when opcode and immediates are equal), so rewriters can compare and share them.
 */
public sealed interface Instruction {

    Opcode opcode();

    /** Instruction without immediates (arithmetic, drop, return, else, end, ...). */
    record Simple(Opcode opcode) implements Instruction {
        public Simple {
            requireShape(opcode, Immediate.NONE);
        }

        @Override
        public String toString() {
            return opcode.mnemonic();
        }
    }

    /** block, loop or if. */
    record Block(Opcode opcode, BlockType type) implements Instruction {
        public Block {
            requireShape(opcode, Immediate.BLOCK_TYPE);
            if (type == null) {
                throw new IllegalArgumentException("block type is required (use BlockType.EMPTY)");
            }
        }

        @Override
        public String toString() {
            String t = type.toString();
            return t.isEmpty() ? opcode.mnemonic() : opcode.mnemonic() + " " + t;
        }
    }

    /**
     * Instruction with one index: a branch depth (br, br_if), function (call, ref.func), local,
     * global, table, memory, data or element index. {@link Opcode#immediate()} says which.
     */
    record Indexed(Opcode opcode, int index) implements Instruction {
        private static final Set<Immediate> SHAPES = EnumSet.of(Immediate.LABEL, Immediate.FUNCTION,
                Immediate.LOCAL, Immediate.GLOBAL, Immediate.TABLE, Immediate.MEMORY,
                Immediate.DATA, Immediate.ELEMENT);

        public Indexed {
            requireShape(opcode, SHAPES);
            requireIndex(index);
        }

        /** Same instruction with another index, e.g. to renumber locals after outlining. */
        public Indexed withIndex(int newIndex) {
            return new Indexed(opcode, newIndex);
        }

        @Override
        public String toString() {
            return opcode.mnemonic() + " " + index;
        }
    }

    /** br_table: {@code targets} are relative depths, {@code defaultTarget} the fallback. */
    record BrTable(List<Integer> targets, int defaultTarget) implements Instruction {
        public BrTable {
            targets = List.copyOf(targets);
            targets.forEach(Instruction::requireIndex);
            requireIndex(defaultTarget);
        }

        @Override
        public Opcode opcode() {
            return Opcode.BR_TABLE;
        }

        @Override
        public String toString() {
            return "br_table " + targets.stream().map(String::valueOf).collect(Collectors.joining(" "))
                    + (targets.isEmpty() ? "" : " ") + defaultTarget;
        }
    }

    /**
     * Instruction with two indices, in binary order: call_indirect (type, table), memory.init
     * (data, memory), memory.copy (dst, src), table.init (element, table), table.copy (dst, src).
     */
    record IndexPair(Opcode opcode, int first, int second) implements Instruction {
        private static final Set<Immediate> SHAPES = EnumSet.of(Immediate.TYPE_AND_TABLE,
                Immediate.DATA_AND_MEMORY, Immediate.MEMORY_PAIR, Immediate.ELEMENT_AND_TABLE,
                Immediate.TABLE_PAIR);

        public IndexPair {
            requireShape(opcode, SHAPES);
            requireIndex(first);
            requireIndex(second);
        }

        @Override
        public String toString() {
            return opcode.mnemonic() + " " + first + " " + second;
        }
    }

    /** Load or store; {@code align} is the log2 exponent, {@code offset} an unsigned u32. */
    record MemoryAccess(Opcode opcode, int align, long offset) implements Instruction {
        public MemoryAccess {
            requireShape(opcode, Immediate.MEMARG);
            if (align < 0 || align >= 64) {
                throw new IllegalArgumentException("alignment exponent out of range: " + align);
            }
            if (offset < 0 || offset > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("offset out of u32 range: " + offset);
            }
        }

        @Override
        public String toString() {
            return opcode.mnemonic() + " offset=" + offset + " align=" + (1L << align);
        }
    }

    record I32Const(int value) implements Instruction {
        @Override
        public Opcode opcode() {
            return Opcode.I32_CONST;
        }

        @Override
        public String toString() {
            return "i32.const " + value;
        }
    }

    record I64Const(long value) implements Instruction {
        @Override
        public Opcode opcode() {
            return Opcode.I64_CONST;
        }

        @Override
        public String toString() {
            return "i64.const " + value;
        }
    }

    /** f32.const kept as raw bits so NaN payloads survive a round trip. */
    record F32Const(int bits) implements Instruction {
        @Override
        public Opcode opcode() {
            return Opcode.F32_CONST;
        }

        public float value() {
            return Float.intBitsToFloat(bits);
        }

        @Override
        public String toString() {
            return "f32.const " + value();
        }
    }

    /** f64.const kept as raw bits so NaN payloads survive a round trip. */
    record F64Const(long bits) implements Instruction {
        @Override
        public Opcode opcode() {
            return Opcode.F64_CONST;
        }

        public double value() {
            return Double.longBitsToDouble(bits);
        }

        @Override
        public String toString() {
            return "f64.const " + value();
        }
    }

    /** select with explicit result types (0x1C). */
    record SelectTyped(List<ValType> types) implements Instruction {
        public SelectTyped {
            types = List.copyOf(types);
        }

        @Override
        public Opcode opcode() {
            return Opcode.SELECT_TYPED;
        }

        @Override
        public String toString() {
            return "select (result " + types.stream().map(String::valueOf).collect(Collectors.joining(" ")) + ")";
        }
    }

    record RefNull(ValType type) implements Instruction {
        public RefNull {
            if (type == null || !type.isReference()) {
                throw new IllegalArgumentException("ref.null needs a reference type, got " + type);
            }
        }

        @Override
        public Opcode opcode() {
            return Opcode.REF_NULL;
        }

        @Override
        public String toString() {
            return "ref.null " + type;
        }
    }

    // ---- factories for the instructions rewriters insert most often ----

    static Instruction of(Opcode opcode) {
        return new Simple(opcode);
    }

    static Instruction block(BlockType type) {
        return new Block(Opcode.BLOCK, type);
    }

    static Instruction loop(BlockType type) {
        return new Block(Opcode.LOOP, type);
    }

    static Instruction ifBlock(BlockType type) {
        return new Block(Opcode.IF, type);
    }

    static Instruction end() {
        return new Simple(Opcode.END);
    }

    static Instruction br(int depth) {
        return new Indexed(Opcode.BR, depth);
    }

    static Instruction brIf(int depth) {
        return new Indexed(Opcode.BR_IF, depth);
    }

    static Instruction call(int functionIndex) {
        return new Indexed(Opcode.CALL, functionIndex);
    }

    static Instruction callIndirect(int typeIndex, int tableIndex) {
        return new IndexPair(Opcode.CALL_INDIRECT, typeIndex, tableIndex);
    }

    static Instruction localGet(int index) {
        return new Indexed(Opcode.LOCAL_GET, index);
    }

    static Instruction localSet(int index) {
        return new Indexed(Opcode.LOCAL_SET, index);
    }

    static Instruction localTee(int index) {
        return new Indexed(Opcode.LOCAL_TEE, index);
    }

    static Instruction globalGet(int index) {
        return new Indexed(Opcode.GLOBAL_GET, index);
    }

    static Instruction globalSet(int index) {
        return new Indexed(Opcode.GLOBAL_SET, index);
    }

    static Instruction i32Const(int value) {
        return new I32Const(value);
    }

    static Instruction i64Const(long value) {
        return new I64Const(value);
    }

    static Instruction memory(Opcode opcode, int align, long offset) {
        return new MemoryAccess(opcode, align, offset);
    }

    private static void requireShape(Opcode opcode, Immediate shape) {
        if (opcode == null || opcode.immediate() != shape) {
            throw new IllegalArgumentException(opcode + " does not take immediates of shape " + shape);
        }
    }

    private static void requireShape(Opcode opcode, Set<Immediate> shapes) {
        if (opcode == null || !shapes.contains(opcode.immediate())) {
            throw new IllegalArgumentException(opcode + " does not take immediates of shapes " + shapes);
        }
    }

    private static void requireIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative index " + index);
        }
    }
}
