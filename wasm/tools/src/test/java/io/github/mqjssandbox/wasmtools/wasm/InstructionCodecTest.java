package io.github.mqjssandbox.wasmtools.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstructionCodecTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] encode(Instruction insn) {
        ByteWriter w = new ByteWriter();
        InstructionWriter.write(w, insn);
        return w.toByteArray();
    }

    private static Instruction decode(byte[] b) {
        ByteReader in = new ByteReader(b);
        Instruction insn = InstructionReader.read(in);
        assertFalse(in.hasMore(), "decoder must consume exactly the instruction");
        return insn;
    }

    /** One instance of every opcode, with immediates that exercise multi-byte LEB128s. */
    static List<Instruction> oneOfEach() {
        List<Instruction> all = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            switch (op.immediate()) {
                case NONE:
                    all.add(new Instruction.Simple(op));
                    break;
                case BLOCK_TYPE:
                    all.add(new Instruction.Block(op, BlockType.EMPTY));
                    all.add(new Instruction.Block(op, BlockType.of(ValType.F64)));
                    all.add(new Instruction.Block(op, BlockType.of(ValType.FUNCREF)));
                    all.add(new Instruction.Block(op, BlockType.ofTypeIndex(0)));
                    all.add(new Instruction.Block(op, BlockType.ofTypeIndex(64)));
                    all.add(new Instruction.Block(op, BlockType.ofTypeIndex(100_000)));
                    break;
                case LABEL:
                case FUNCTION:
                case LOCAL:
                case GLOBAL:
                case TABLE:
                case MEMORY:
                case DATA:
                case ELEMENT:
                    all.add(new Instruction.Indexed(op, 0));
                    all.add(new Instruction.Indexed(op, 300));
                    break;
                case LABEL_TABLE:
                    all.add(new Instruction.BrTable(List.of(), 0));
                    all.add(new Instruction.BrTable(List.of(0, 1, 200, 2), 7));
                    break;
                case TYPE_AND_TABLE:
                case DATA_AND_MEMORY:
                case MEMORY_PAIR:
                case ELEMENT_AND_TABLE:
                case TABLE_PAIR:
                    all.add(new Instruction.IndexPair(op, 0, 0));
                    all.add(new Instruction.IndexPair(op, 129, 3));
                    break;
                case MEMARG:
                    all.add(new Instruction.MemoryAccess(op, 0, 0));
                    all.add(new Instruction.MemoryAccess(op, 3, 0xFFFF_FFFFL));
                    break;
                case I32:
                    all.add(new Instruction.I32Const(Integer.MIN_VALUE));
                    all.add(new Instruction.I32Const(-1));
                    all.add(new Instruction.I32Const(64));
                    break;
                case I64:
                    all.add(new Instruction.I64Const(Long.MIN_VALUE));
                    all.add(new Instruction.I64Const(Long.MAX_VALUE));
                    break;
                case F32:
                    all.add(new Instruction.F32Const(0x7FA0_0001));
                    all.add(new Instruction.F32Const(Float.floatToRawIntBits(-0.0f)));
                    break;
                case F64:
                    all.add(new Instruction.F64Const(0xFFF8_0000_0000_0001L));
                    all.add(new Instruction.F64Const(Double.doubleToRawLongBits(Math.PI)));
                    break;
                case VALUE_TYPES:
                    all.add(new Instruction.SelectTyped(List.of(ValType.I32)));
                    all.add(new Instruction.SelectTyped(List.of(ValType.EXTERNREF)));
                    break;
                case REF_TYPE:
                    all.add(new Instruction.RefNull(ValType.FUNCREF));
                    all.add(new Instruction.RefNull(ValType.EXTERNREF));
                    break;
                default:
                    throw new AssertionError(op);
            }
        }
        return all;
    }

    @Test
    void everyInstructionFormRoundTrips() {
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        for (Instruction insn : oneOfEach()) {
            byte[] enc = encode(insn);
            assertEquals(insn, decode(enc), "round trip of " + insn);
            assertArrayEquals(enc, encode(decode(enc)), "stable encoding of " + insn);
            seen.add(insn.opcode());
        }
        assertEquals(EnumSet.allOf(Opcode.class), seen);
    }

    @Test
    void opcodeTableMatchesSpecEncodings() {
        assertEquals(Opcode.UNREACHABLE, Opcode.fromByte(0x00));
        assertEquals(Opcode.SELECT_TYPED, Opcode.fromByte(0x1C));
        assertEquals(Opcode.I64_STORE32, Opcode.fromByte(0x3E));
        assertEquals(Opcode.I32_EQZ, Opcode.fromByte(0x45));
        assertEquals(Opcode.F64_REINTERPRET_I64, Opcode.fromByte(0xBF));
        assertEquals(Opcode.I64_EXTEND32_S, Opcode.fromByte(0xC4));
        assertEquals(Opcode.REF_FUNC, Opcode.fromByte(0xD2));
        assertEquals(Opcode.I64_TRUNC_SAT_F64_U, Opcode.fromMisc(7));
        assertEquals(Opcode.MEMORY_FILL, Opcode.fromMisc(11));
        assertEquals(Opcode.TABLE_FILL, Opcode.fromMisc(17));
        assertEquals(null, Opcode.fromByte(0xFC));
        assertEquals(null, Opcode.fromByte(0x06));
        assertEquals(null, Opcode.fromMisc(18));
        assertEquals("i32.trunc_sat_f32_s", Opcode.I32_TRUNC_SAT_F32_S.mnemonic());
        // 185 single-byte opcodes (MVP, tail calls, sign-ext, reference types) + 18 0xFC opcodes.
        assertEquals(203, Opcode.values().length);
    }

    @Test
    void knownByteSequences() {
        assertArrayEquals(bytes(0x41, 0x7F), encode(Instruction.i32Const(-1)));
        assertArrayEquals(bytes(0x41, 0xC0, 0x00), encode(Instruction.i32Const(64)));
        assertArrayEquals(bytes(0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F),
                encode(Instruction.i64Const(Long.MIN_VALUE)));
        assertArrayEquals(bytes(0x02, 0x40), encode(Instruction.block(BlockType.EMPTY)));
        assertArrayEquals(bytes(0x03, 0x7F), encode(Instruction.loop(BlockType.of(ValType.I32))));
        assertArrayEquals(bytes(0x04, 0x05), encode(Instruction.ifBlock(BlockType.ofTypeIndex(5))));
        // Type index 64 needs two bytes as s33 because bit 6 is the sign bit.
        assertArrayEquals(bytes(0x02, 0xC0, 0x00), encode(Instruction.block(BlockType.ofTypeIndex(64))));
        assertArrayEquals(bytes(0x0E, 0x02, 0x00, 0x01, 0x02), encode(new Instruction.BrTable(List.of(0, 1), 2)));
        assertArrayEquals(bytes(0x11, 0x03, 0x00), encode(Instruction.callIndirect(3, 0)));
        assertArrayEquals(bytes(0x28, 0x02, 0x10), encode(Instruction.memory(Opcode.I32_LOAD, 2, 16)));
        assertArrayEquals(bytes(0x3F, 0x00), encode(new Instruction.Indexed(Opcode.MEMORY_SIZE, 0)));
        assertArrayEquals(bytes(0xFC, 0x08, 0x01, 0x00), encode(new Instruction.IndexPair(Opcode.MEMORY_INIT, 1, 0)));
        assertArrayEquals(bytes(0xFC, 0x0A, 0x00, 0x00), encode(new Instruction.IndexPair(Opcode.MEMORY_COPY, 0, 0)));
        assertArrayEquals(bytes(0xFC, 0x0B, 0x00), encode(new Instruction.Indexed(Opcode.MEMORY_FILL, 0)));
        assertArrayEquals(bytes(0xFC, 0x0E, 0x01, 0x02), encode(new Instruction.IndexPair(Opcode.TABLE_COPY, 1, 2)));
        assertArrayEquals(bytes(0xFC, 0x00), encode(Instruction.of(Opcode.I32_TRUNC_SAT_F32_S)));
        assertArrayEquals(bytes(0x1C, 0x01, 0x70), encode(new Instruction.SelectTyped(List.of(ValType.FUNCREF))));
        assertArrayEquals(bytes(0xD0, 0x6F), encode(new Instruction.RefNull(ValType.EXTERNREF)));
        assertArrayEquals(bytes(0xC0), encode(Instruction.of(Opcode.I32_EXTEND8_S)));
        assertArrayEquals(bytes(0x43, 0x00, 0x00, 0xC0, 0x3F), encode(new Instruction.F32Const(Float.floatToRawIntBits(1.5f))));
    }

    @Test
    void decodesPaddedImmediatesAndReencodesCanonically() {
        // call 5 with a 5-byte padded index, as wasm-ld emits for relocatable calls.
        Instruction call = decode(bytes(0x10, 0x85, 0x80, 0x80, 0x80, 0x00));
        assertEquals(Instruction.call(5), call);
        assertArrayEquals(bytes(0x10, 0x05), encode(call));
        // Sub-opcode of a 0xFC instruction may also be padded.
        assertEquals(Instruction.of(Opcode.I64_TRUNC_SAT_F64_U), decode(bytes(0xFC, 0x87, 0x00)));
    }

    @Test
    void expressionsExcludeTheFinalEndAndMustBalance() {
        List<Instruction> body = List.of(Instruction.block(BlockType.EMPTY), Instruction.loop(BlockType.EMPTY),
                Instruction.br(1), Instruction.end(), Instruction.end(), Instruction.i32Const(1));
        byte[] enc = InstructionWriter.encodeExpression(body);
        assertEquals(0x0B, enc[enc.length - 1]);
        assertEquals(body, InstructionReader.readExpression(new ByteReader(enc)));
        assertThrows(IllegalArgumentException.class,
                () -> InstructionWriter.encodeExpression(List.of(Instruction.block(BlockType.EMPTY))));
        assertThrows(IllegalArgumentException.class,
                () -> InstructionWriter.encodeExpression(List.of(Instruction.end())));
    }

    @Test
    void ifElseNestingIsTracked() {
        byte[] enc = bytes(0x04, 0x40, 0x01, 0x05, 0x01, 0x0B, 0x0B);
        List<Instruction> insns = InstructionReader.readExpression(new ByteReader(enc));
        assertEquals(List.of(Instruction.ifBlock(BlockType.EMPTY), Instruction.of(Opcode.NOP),
                Instruction.of(Opcode.ELSE), Instruction.of(Opcode.NOP), Instruction.end()), insns);
    }

    @Test
    void rejectsUnknownAndUnsupportedOpcodes() {
        WasmFormatException simd = assertThrows(WasmFormatException.class, () -> decode(bytes(0xFD, 0x00)));
        assertTrue(simd.getMessage().contains("0xFD"), simd.getMessage());
        assertThrows(WasmFormatException.class, () -> decode(bytes(0xFC, 0x12)));
        assertThrows(WasmFormatException.class, () -> decode(bytes(0x06)));
        assertThrows(WasmFormatException.class, () -> decode(bytes(0x02, 0x7A)));
        assertThrows(WasmFormatException.class, () -> decode(bytes(0xD0, 0x7F)));
        assertThrows(WasmFormatException.class, () -> decode(bytes(0x28, 0x40, 0x00)));
        WasmFormatException truncated = assertThrows(WasmFormatException.class, () -> decode(bytes(0x44, 0, 0, 0)));
        assertEquals(1, truncated.offset());
    }

    @Test
    void constructorsRejectMismatchedImmediates() {
        assertThrows(IllegalArgumentException.class, () -> new Instruction.Simple(Opcode.CALL));
        assertThrows(IllegalArgumentException.class, () -> new Instruction.Indexed(Opcode.I32_ADD, 0));
        assertThrows(IllegalArgumentException.class, () -> new Instruction.Indexed(Opcode.LOCAL_GET, -1));
        assertThrows(IllegalArgumentException.class, () -> new Instruction.Block(Opcode.CALL, BlockType.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> new Instruction.IndexPair(Opcode.BR, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Instruction.MemoryAccess(Opcode.I32_LOAD, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new Instruction.RefNull(ValType.I32));
    }

    @Test
    void indexedWithIndexKeepsOpcode() {
        Instruction.Indexed get = (Instruction.Indexed) Instruction.localGet(3);
        assertEquals(Instruction.localGet(9), get.withIndex(9));
        assertEquals("local.get 3", get.toString());
    }
}
