package io.github.mqjssandbox.wasmtools.wasm;

import java.util.List;

/**
 * Signature of a block, loop or if: empty, a single result type, or (multi-value) an index
 * into the type section. Exactly one of {@code valType} / {@code typeIndex >= 0} is set unless
 * the block type is empty.
 */
public record BlockType(ValType valType, int typeIndex) {
    public static final BlockType EMPTY = new BlockType(null, -1);

    private static final int EMPTY_CODE = 0x40;

    public BlockType {
        if (valType != null && typeIndex >= 0) {
            throw new IllegalArgumentException("block type is either a value type or a type index");
        }
        if (typeIndex < -1) {
            throw new IllegalArgumentException("negative type index " + typeIndex);
        }
    }

    public static BlockType of(ValType result) {
        return new BlockType(result, -1);
    }

    public static BlockType ofTypeIndex(int typeIndex) {
        if (typeIndex < 0) {
            throw new IllegalArgumentException("negative type index " + typeIndex);
        }
        return new BlockType(null, typeIndex);
    }

    public boolean isEmpty() {
        return valType == null && typeIndex < 0;
    }

    public boolean isTypeIndex() {
        return typeIndex >= 0;
    }

    /** Resolves to a full signature using the module's type list. */
    public FuncType resolve(List<FuncType> types) {
        if (isTypeIndex()) {
            return types.get(typeIndex);
        }
        return new FuncType(List.of(), valType == null ? List.of() : List.of(valType));
    }

    static BlockType read(ByteReader in) {
        int first = in.peekByte();
        if (first == EMPTY_CODE) {
            in.readByte();
            return EMPTY;
        }
        ValType t = ValType.fromCode(first);
        if (t != null) {
            in.readByte();
            return of(t);
        }
        long at = in.offset();
        long index = in.readS33();
        if (index < 0 || index > Integer.MAX_VALUE) {
            throw new WasmFormatException("invalid block type " + index, at);
        }
        return ofTypeIndex((int) index);
    }

    void write(ByteWriter out) {
        if (isTypeIndex()) {
            out.writeS33(typeIndex);
        } else {
            out.writeByte(valType == null ? EMPTY_CODE : valType.code());
        }
    }

    @Override
    public String toString() {
        if (isTypeIndex()) {
            return "(type " + typeIndex + ")";
        }
        return valType == null ? "" : "(result " + valType + ")";
    }
}
