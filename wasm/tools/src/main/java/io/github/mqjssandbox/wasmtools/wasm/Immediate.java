package io.github.mqjssandbox.wasmtools.wasm;

/**
 * The shape of the immediates that follow an opcode. It decides which {@link Instruction}
 * record carries the instruction and what its index fields mean.
 */
public enum Immediate {
    /** No immediate. {@link Instruction.Simple}. */
    NONE,
    /** Block type. {@link Instruction.Block}. */
    BLOCK_TYPE,
    /** Relative branch depth. {@link Instruction.Indexed}. */
    LABEL,
    /** br_table target list plus default. {@link Instruction.BrTable}. */
    LABEL_TABLE,
    /** Function index. {@link Instruction.Indexed}. */
    FUNCTION,
    /** Type index then table index (call_indirect). {@link Instruction.IndexPair}. */
    TYPE_AND_TABLE,
    /** Local index. {@link Instruction.Indexed}. */
    LOCAL,
    /** Global index. {@link Instruction.Indexed}. */
    GLOBAL,
    /** Table index. {@link Instruction.Indexed}. */
    TABLE,
    /** Alignment and offset of a load or store. {@link Instruction.MemoryAccess}. */
    MEMARG,
    /** Memory index (0 in MVP, encoded as a single 0x00). {@link Instruction.Indexed}. */
    MEMORY,
    /** {@link Instruction.I32Const}. */
    I32,
    /** {@link Instruction.I64Const}. */
    I64,
    /** {@link Instruction.F32Const}. */
    F32,
    /** {@link Instruction.F64Const}. */
    F64,
    /** Typed select's value type vector. {@link Instruction.SelectTyped}. */
    VALUE_TYPES,
    /** Reference type of ref.null. {@link Instruction.RefNull}. */
    REF_TYPE,
    /** Data segment index. {@link Instruction.Indexed}. */
    DATA,
    /** Element segment index. {@link Instruction.Indexed}. */
    ELEMENT,
    /** Data segment index then memory index (memory.init). {@link Instruction.IndexPair}. */
    DATA_AND_MEMORY,
    /** Destination then source memory (memory.copy). {@link Instruction.IndexPair}. */
    MEMORY_PAIR,
    /** Element segment index then table index (table.init). {@link Instruction.IndexPair}. */
    ELEMENT_AND_TABLE,
    /** Destination then source table (table.copy). {@link Instruction.IndexPair}. */
    TABLE_PAIR
}
