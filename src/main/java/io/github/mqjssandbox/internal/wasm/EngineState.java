package io.github.mqjssandbox.internal.wasm;

import java.util.Arrays;

/**
 * Everything a sandbox's wasm instance holds between calls: its linear memory, stored as the
 * 4 KiB blocks that are not all zero, and the two numbers that describe its shape. The C stack
 * pointer is back at the stack's top between calls and the fuel counter is refilled before
 * every call, so memory is the whole state.
 *
 * @param arenaBytes the JS heap the context was made with (the memory limit)
 * @param stackPointer the C stack pointer between calls
 * @param pages the memory size in 64 KiB wasm pages
 * @param blockIndexes the index of each stored block, ascending (byte offset = index * BLOCK)
 * @param blocks the stored blocks' bytes, {@code BLOCK} each, in the order of {@code blockIndexes}
 */
public record EngineState(int arenaBytes, int stackPointer, int pages, int[] blockIndexes, byte[] blocks) {
    public static final int BLOCK = 4096;
    static final int BLOCKS_PER_PAGE = 65536 / BLOCK;

    public EngineState {
        if (blocks.length != (long) blockIndexes.length * BLOCK) {
            throw new IllegalArgumentException(blockIndexes.length + " blocks need " + blockIndexes.length * BLOCK
                    + " bytes, got " + blocks.length);
        }
        for (int i = 0; i < blockIndexes.length; i++) {
            if (blockIndexes[i] < 0 || blockIndexes[i] >= (long) pages * BLOCKS_PER_PAGE
                    || (i > 0 && blockIndexes[i] <= blockIndexes[i - 1])) {
                throw new IllegalArgumentException("block index " + blockIndexes[i] + " out of order or outside "
                        + pages + " pages");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineState s && arenaBytes == s.arenaBytes && stackPointer == s.stackPointer
                && pages == s.pages && Arrays.equals(blockIndexes, s.blockIndexes) && Arrays.equals(blocks, s.blocks);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(blockIndexes) + Arrays.hashCode(blocks);
    }

    @Override
    public String toString() {
        return "EngineState[arena=" + arenaBytes + ", pages=" + pages + ", blocks=" + blockIndexes.length + "]";
    }
}
