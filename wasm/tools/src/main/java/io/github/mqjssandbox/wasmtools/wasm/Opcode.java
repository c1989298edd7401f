package io.github.mqjssandbox.wasmtools.wasm;

/**
 * Every instruction this library decodes: MVP, sign extension, saturating truncation,
 * bulk memory, reference types (ref.*, table.*, typed select) and tail calls.
 * SIMD (0xFD), threads (0xFE) and exception handling are deliberately absent, so such
 * modules are rejected with a {@link WasmFormatException} instead of being mangled.
 */
public enum Opcode {
    UNREACHABLE(0, 0x00, "unreachable", Immediate.NONE),
    NOP(0, 0x01, "nop", Immediate.NONE),
    BLOCK(0, 0x02, "block", Immediate.BLOCK_TYPE),
    LOOP(0, 0x03, "loop", Immediate.BLOCK_TYPE),
    IF(0, 0x04, "if", Immediate.BLOCK_TYPE),
    ELSE(0, 0x05, "else", Immediate.NONE),
    END(0, 0x0B, "end", Immediate.NONE),
    BR(0, 0x0C, "br", Immediate.LABEL),
    BR_IF(0, 0x0D, "br_if", Immediate.LABEL),
    BR_TABLE(0, 0x0E, "br_table", Immediate.LABEL_TABLE),
    RETURN(0, 0x0F, "return", Immediate.NONE),
    CALL(0, 0x10, "call", Immediate.FUNCTION),
    CALL_INDIRECT(0, 0x11, "call_indirect", Immediate.TYPE_AND_TABLE),
    RETURN_CALL(0, 0x12, "return_call", Immediate.FUNCTION),
    RETURN_CALL_INDIRECT(0, 0x13, "return_call_indirect", Immediate.TYPE_AND_TABLE),
    DROP(0, 0x1A, "drop", Immediate.NONE),
    SELECT(0, 0x1B, "select", Immediate.NONE),
    SELECT_TYPED(0, 0x1C, "select", Immediate.VALUE_TYPES),
    LOCAL_GET(0, 0x20, "local.get", Immediate.LOCAL),
    LOCAL_SET(0, 0x21, "local.set", Immediate.LOCAL),
    LOCAL_TEE(0, 0x22, "local.tee", Immediate.LOCAL),
    GLOBAL_GET(0, 0x23, "global.get", Immediate.GLOBAL),
    GLOBAL_SET(0, 0x24, "global.set", Immediate.GLOBAL),
    TABLE_GET(0, 0x25, "table.get", Immediate.TABLE),
    TABLE_SET(0, 0x26, "table.set", Immediate.TABLE),
    I32_LOAD(0, 0x28, "i32.load", Immediate.MEMARG),
    I64_LOAD(0, 0x29, "i64.load", Immediate.MEMARG),
    F32_LOAD(0, 0x2A, "f32.load", Immediate.MEMARG),
    F64_LOAD(0, 0x2B, "f64.load", Immediate.MEMARG),
    I32_LOAD8_S(0, 0x2C, "i32.load8_s", Immediate.MEMARG),
    I32_LOAD8_U(0, 0x2D, "i32.load8_u", Immediate.MEMARG),
    I32_LOAD16_S(0, 0x2E, "i32.load16_s", Immediate.MEMARG),
    I32_LOAD16_U(0, 0x2F, "i32.load16_u", Immediate.MEMARG),
    I64_LOAD8_S(0, 0x30, "i64.load8_s", Immediate.MEMARG),
    I64_LOAD8_U(0, 0x31, "i64.load8_u", Immediate.MEMARG),
    I64_LOAD16_S(0, 0x32, "i64.load16_s", Immediate.MEMARG),
    I64_LOAD16_U(0, 0x33, "i64.load16_u", Immediate.MEMARG),
    I64_LOAD32_S(0, 0x34, "i64.load32_s", Immediate.MEMARG),
    I64_LOAD32_U(0, 0x35, "i64.load32_u", Immediate.MEMARG),
    I32_STORE(0, 0x36, "i32.store", Immediate.MEMARG),
    I64_STORE(0, 0x37, "i64.store", Immediate.MEMARG),
    F32_STORE(0, 0x38, "f32.store", Immediate.MEMARG),
    F64_STORE(0, 0x39, "f64.store", Immediate.MEMARG),
    I32_STORE8(0, 0x3A, "i32.store8", Immediate.MEMARG),
    I32_STORE16(0, 0x3B, "i32.store16", Immediate.MEMARG),
    I64_STORE8(0, 0x3C, "i64.store8", Immediate.MEMARG),
    I64_STORE16(0, 0x3D, "i64.store16", Immediate.MEMARG),
    I64_STORE32(0, 0x3E, "i64.store32", Immediate.MEMARG),
    MEMORY_SIZE(0, 0x3F, "memory.size", Immediate.MEMORY),
    MEMORY_GROW(0, 0x40, "memory.grow", Immediate.MEMORY),
    I32_CONST(0, 0x41, "i32.const", Immediate.I32),
    I64_CONST(0, 0x42, "i64.const", Immediate.I64),
    F32_CONST(0, 0x43, "f32.const", Immediate.F32),
    F64_CONST(0, 0x44, "f64.const", Immediate.F64),
    I32_EQZ(0, 0x45, "i32.eqz", Immediate.NONE),
    I32_EQ(0, 0x46, "i32.eq", Immediate.NONE),
    I32_NE(0, 0x47, "i32.ne", Immediate.NONE),
    I32_LT_S(0, 0x48, "i32.lt_s", Immediate.NONE),
    I32_LT_U(0, 0x49, "i32.lt_u", Immediate.NONE),
    I32_GT_S(0, 0x4A, "i32.gt_s", Immediate.NONE),
    I32_GT_U(0, 0x4B, "i32.gt_u", Immediate.NONE),
    I32_LE_S(0, 0x4C, "i32.le_s", Immediate.NONE),
    I32_LE_U(0, 0x4D, "i32.le_u", Immediate.NONE),
    I32_GE_S(0, 0x4E, "i32.ge_s", Immediate.NONE),
    I32_GE_U(0, 0x4F, "i32.ge_u", Immediate.NONE),
    I64_EQZ(0, 0x50, "i64.eqz", Immediate.NONE),
    I64_EQ(0, 0x51, "i64.eq", Immediate.NONE),
    I64_NE(0, 0x52, "i64.ne", Immediate.NONE),
    I64_LT_S(0, 0x53, "i64.lt_s", Immediate.NONE),
    I64_LT_U(0, 0x54, "i64.lt_u", Immediate.NONE),
    I64_GT_S(0, 0x55, "i64.gt_s", Immediate.NONE),
    I64_GT_U(0, 0x56, "i64.gt_u", Immediate.NONE),
    I64_LE_S(0, 0x57, "i64.le_s", Immediate.NONE),
    I64_LE_U(0, 0x58, "i64.le_u", Immediate.NONE),
    I64_GE_S(0, 0x59, "i64.ge_s", Immediate.NONE),
    I64_GE_U(0, 0x5A, "i64.ge_u", Immediate.NONE),
    F32_EQ(0, 0x5B, "f32.eq", Immediate.NONE),
    F32_NE(0, 0x5C, "f32.ne", Immediate.NONE),
    F32_LT(0, 0x5D, "f32.lt", Immediate.NONE),
    F32_GT(0, 0x5E, "f32.gt", Immediate.NONE),
    F32_LE(0, 0x5F, "f32.le", Immediate.NONE),
    F32_GE(0, 0x60, "f32.ge", Immediate.NONE),
    F64_EQ(0, 0x61, "f64.eq", Immediate.NONE),
    F64_NE(0, 0x62, "f64.ne", Immediate.NONE),
    F64_LT(0, 0x63, "f64.lt", Immediate.NONE),
    F64_GT(0, 0x64, "f64.gt", Immediate.NONE),
    F64_LE(0, 0x65, "f64.le", Immediate.NONE),
    F64_GE(0, 0x66, "f64.ge", Immediate.NONE),
    I32_CLZ(0, 0x67, "i32.clz", Immediate.NONE),
    I32_CTZ(0, 0x68, "i32.ctz", Immediate.NONE),
    I32_POPCNT(0, 0x69, "i32.popcnt", Immediate.NONE),
    I32_ADD(0, 0x6A, "i32.add", Immediate.NONE),
    I32_SUB(0, 0x6B, "i32.sub", Immediate.NONE),
    I32_MUL(0, 0x6C, "i32.mul", Immediate.NONE),
    I32_DIV_S(0, 0x6D, "i32.div_s", Immediate.NONE),
    I32_DIV_U(0, 0x6E, "i32.div_u", Immediate.NONE),
    I32_REM_S(0, 0x6F, "i32.rem_s", Immediate.NONE),
    I32_REM_U(0, 0x70, "i32.rem_u", Immediate.NONE),
    I32_AND(0, 0x71, "i32.and", Immediate.NONE),
    I32_OR(0, 0x72, "i32.or", Immediate.NONE),
    I32_XOR(0, 0x73, "i32.xor", Immediate.NONE),
    I32_SHL(0, 0x74, "i32.shl", Immediate.NONE),
    I32_SHR_S(0, 0x75, "i32.shr_s", Immediate.NONE),
    I32_SHR_U(0, 0x76, "i32.shr_u", Immediate.NONE),
    I32_ROTL(0, 0x77, "i32.rotl", Immediate.NONE),
    I32_ROTR(0, 0x78, "i32.rotr", Immediate.NONE),
    I64_CLZ(0, 0x79, "i64.clz", Immediate.NONE),
    I64_CTZ(0, 0x7A, "i64.ctz", Immediate.NONE),
    I64_POPCNT(0, 0x7B, "i64.popcnt", Immediate.NONE),
    I64_ADD(0, 0x7C, "i64.add", Immediate.NONE),
    I64_SUB(0, 0x7D, "i64.sub", Immediate.NONE),
    I64_MUL(0, 0x7E, "i64.mul", Immediate.NONE),
    I64_DIV_S(0, 0x7F, "i64.div_s", Immediate.NONE),
    I64_DIV_U(0, 0x80, "i64.div_u", Immediate.NONE),
    I64_REM_S(0, 0x81, "i64.rem_s", Immediate.NONE),
    I64_REM_U(0, 0x82, "i64.rem_u", Immediate.NONE),
    I64_AND(0, 0x83, "i64.and", Immediate.NONE),
    I64_OR(0, 0x84, "i64.or", Immediate.NONE),
    I64_XOR(0, 0x85, "i64.xor", Immediate.NONE),
    I64_SHL(0, 0x86, "i64.shl", Immediate.NONE),
    I64_SHR_S(0, 0x87, "i64.shr_s", Immediate.NONE),
    I64_SHR_U(0, 0x88, "i64.shr_u", Immediate.NONE),
    I64_ROTL(0, 0x89, "i64.rotl", Immediate.NONE),
    I64_ROTR(0, 0x8A, "i64.rotr", Immediate.NONE),
    F32_ABS(0, 0x8B, "f32.abs", Immediate.NONE),
    F32_NEG(0, 0x8C, "f32.neg", Immediate.NONE),
    F32_CEIL(0, 0x8D, "f32.ceil", Immediate.NONE),
    F32_FLOOR(0, 0x8E, "f32.floor", Immediate.NONE),
    F32_TRUNC(0, 0x8F, "f32.trunc", Immediate.NONE),
    F32_NEAREST(0, 0x90, "f32.nearest", Immediate.NONE),
    F32_SQRT(0, 0x91, "f32.sqrt", Immediate.NONE),
    F32_ADD(0, 0x92, "f32.add", Immediate.NONE),
    F32_SUB(0, 0x93, "f32.sub", Immediate.NONE),
    F32_MUL(0, 0x94, "f32.mul", Immediate.NONE),
    F32_DIV(0, 0x95, "f32.div", Immediate.NONE),
    F32_MIN(0, 0x96, "f32.min", Immediate.NONE),
    F32_MAX(0, 0x97, "f32.max", Immediate.NONE),
    F32_COPYSIGN(0, 0x98, "f32.copysign", Immediate.NONE),
    F64_ABS(0, 0x99, "f64.abs", Immediate.NONE),
    F64_NEG(0, 0x9A, "f64.neg", Immediate.NONE),
    F64_CEIL(0, 0x9B, "f64.ceil", Immediate.NONE),
    F64_FLOOR(0, 0x9C, "f64.floor", Immediate.NONE),
    F64_TRUNC(0, 0x9D, "f64.trunc", Immediate.NONE),
    F64_NEAREST(0, 0x9E, "f64.nearest", Immediate.NONE),
    F64_SQRT(0, 0x9F, "f64.sqrt", Immediate.NONE),
    F64_ADD(0, 0xA0, "f64.add", Immediate.NONE),
    F64_SUB(0, 0xA1, "f64.sub", Immediate.NONE),
    F64_MUL(0, 0xA2, "f64.mul", Immediate.NONE),
    F64_DIV(0, 0xA3, "f64.div", Immediate.NONE),
    F64_MIN(0, 0xA4, "f64.min", Immediate.NONE),
    F64_MAX(0, 0xA5, "f64.max", Immediate.NONE),
    F64_COPYSIGN(0, 0xA6, "f64.copysign", Immediate.NONE),
    I32_WRAP_I64(0, 0xA7, "i32.wrap_i64", Immediate.NONE),
    I32_TRUNC_F32_S(0, 0xA8, "i32.trunc_f32_s", Immediate.NONE),
    I32_TRUNC_F32_U(0, 0xA9, "i32.trunc_f32_u", Immediate.NONE),
    I32_TRUNC_F64_S(0, 0xAA, "i32.trunc_f64_s", Immediate.NONE),
    I32_TRUNC_F64_U(0, 0xAB, "i32.trunc_f64_u", Immediate.NONE),
    I64_EXTEND_I32_S(0, 0xAC, "i64.extend_i32_s", Immediate.NONE),
    I64_EXTEND_I32_U(0, 0xAD, "i64.extend_i32_u", Immediate.NONE),
    I64_TRUNC_F32_S(0, 0xAE, "i64.trunc_f32_s", Immediate.NONE),
    I64_TRUNC_F32_U(0, 0xAF, "i64.trunc_f32_u", Immediate.NONE),
    I64_TRUNC_F64_S(0, 0xB0, "i64.trunc_f64_s", Immediate.NONE),
    I64_TRUNC_F64_U(0, 0xB1, "i64.trunc_f64_u", Immediate.NONE),
    F32_CONVERT_I32_S(0, 0xB2, "f32.convert_i32_s", Immediate.NONE),
    F32_CONVERT_I32_U(0, 0xB3, "f32.convert_i32_u", Immediate.NONE),
    F32_CONVERT_I64_S(0, 0xB4, "f32.convert_i64_s", Immediate.NONE),
    F32_CONVERT_I64_U(0, 0xB5, "f32.convert_i64_u", Immediate.NONE),
    F32_DEMOTE_F64(0, 0xB6, "f32.demote_f64", Immediate.NONE),
    F64_CONVERT_I32_S(0, 0xB7, "f64.convert_i32_s", Immediate.NONE),
    F64_CONVERT_I32_U(0, 0xB8, "f64.convert_i32_u", Immediate.NONE),
    F64_CONVERT_I64_S(0, 0xB9, "f64.convert_i64_s", Immediate.NONE),
    F64_CONVERT_I64_U(0, 0xBA, "f64.convert_i64_u", Immediate.NONE),
    F64_PROMOTE_F32(0, 0xBB, "f64.promote_f32", Immediate.NONE),
    I32_REINTERPRET_F32(0, 0xBC, "i32.reinterpret_f32", Immediate.NONE),
    I64_REINTERPRET_F64(0, 0xBD, "i64.reinterpret_f64", Immediate.NONE),
    F32_REINTERPRET_I32(0, 0xBE, "f32.reinterpret_i32", Immediate.NONE),
    F64_REINTERPRET_I64(0, 0xBF, "f64.reinterpret_i64", Immediate.NONE),
    I32_EXTEND8_S(0, 0xC0, "i32.extend8_s", Immediate.NONE),
    I32_EXTEND16_S(0, 0xC1, "i32.extend16_s", Immediate.NONE),
    I64_EXTEND8_S(0, 0xC2, "i64.extend8_s", Immediate.NONE),
    I64_EXTEND16_S(0, 0xC3, "i64.extend16_s", Immediate.NONE),
    I64_EXTEND32_S(0, 0xC4, "i64.extend32_s", Immediate.NONE),
    REF_NULL(0, 0xD0, "ref.null", Immediate.REF_TYPE),
    REF_IS_NULL(0, 0xD1, "ref.is_null", Immediate.NONE),
    REF_FUNC(0, 0xD2, "ref.func", Immediate.FUNCTION),
    I32_TRUNC_SAT_F32_S(0xFC, 0x00, "i32.trunc_sat_f32_s", Immediate.NONE),
    I32_TRUNC_SAT_F32_U(0xFC, 0x01, "i32.trunc_sat_f32_u", Immediate.NONE),
    I32_TRUNC_SAT_F64_S(0xFC, 0x02, "i32.trunc_sat_f64_s", Immediate.NONE),
    I32_TRUNC_SAT_F64_U(0xFC, 0x03, "i32.trunc_sat_f64_u", Immediate.NONE),
    I64_TRUNC_SAT_F32_S(0xFC, 0x04, "i64.trunc_sat_f32_s", Immediate.NONE),
    I64_TRUNC_SAT_F32_U(0xFC, 0x05, "i64.trunc_sat_f32_u", Immediate.NONE),
    I64_TRUNC_SAT_F64_S(0xFC, 0x06, "i64.trunc_sat_f64_s", Immediate.NONE),
    I64_TRUNC_SAT_F64_U(0xFC, 0x07, "i64.trunc_sat_f64_u", Immediate.NONE),
    MEMORY_INIT(0xFC, 0x08, "memory.init", Immediate.DATA_AND_MEMORY),
    DATA_DROP(0xFC, 0x09, "data.drop", Immediate.DATA),
    MEMORY_COPY(0xFC, 0x0A, "memory.copy", Immediate.MEMORY_PAIR),
    MEMORY_FILL(0xFC, 0x0B, "memory.fill", Immediate.MEMORY),
    TABLE_INIT(0xFC, 0x0C, "table.init", Immediate.ELEMENT_AND_TABLE),
    ELEM_DROP(0xFC, 0x0D, "elem.drop", Immediate.ELEMENT),
    TABLE_COPY(0xFC, 0x0E, "table.copy", Immediate.TABLE_PAIR),
    TABLE_GROW(0xFC, 0x0F, "table.grow", Immediate.TABLE),
    TABLE_SIZE(0xFC, 0x10, "table.size", Immediate.TABLE),
    TABLE_FILL(0xFC, 0x11, "table.fill", Immediate.TABLE);

    /** Prefix byte of the "misc" opcode space, whose sub-opcode follows as a u32 LEB128. */
    public static final int PREFIX_FC = 0xFC;

    private static final Opcode[] SINGLE = new Opcode[256];
    private static final Opcode[] MISC = new Opcode[32];

    static {
        for (Opcode op : values()) {
            if (op.prefix == 0) {
                SINGLE[op.code] = op;
            } else {
                MISC[op.code] = op;
            }
        }
    }

    private final int prefix;
    private final int code;
    private final String mnemonic;
    private final Immediate immediate;

    Opcode(int prefix, int code, String mnemonic, Immediate immediate) {
        this.prefix = prefix;
        this.code = code;
        this.mnemonic = mnemonic;
        this.immediate = immediate;
    }

    /** 0 for single-byte opcodes, otherwise the prefix byte (0xFC). */
    public int prefix() {
        return prefix;
    }

    /** The opcode byte, or the sub-opcode for prefixed instructions. */
    public int code() {
        return code;
    }

    /** Text-format name. */
    public String mnemonic() {
        return mnemonic;
    }

    public Immediate immediate() {
        return immediate;
    }

    /** True for block, loop and if: instructions that open a structured control frame. */
    public boolean opensBlock() {
        return immediate == Immediate.BLOCK_TYPE;
    }

    /** Single-byte opcode lookup; null when the byte is unknown or a prefix. */
    public static Opcode fromByte(int b) {
        return b >= 0 && b < SINGLE.length ? SINGLE[b] : null;
    }

    /** 0xFC-prefixed lookup; null when unknown. */
    public static Opcode fromMisc(long subOpcode) {
        return subOpcode >= 0 && subOpcode < MISC.length ? MISC[(int) subOpcode] : null;
    }
}
