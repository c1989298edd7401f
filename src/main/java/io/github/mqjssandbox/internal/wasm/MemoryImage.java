package io.github.mqjssandbox.internal.wasm;

/**
 * The frozen contents of a {@link PagedMemory}: its page count and its 64 KiB pages, which nobody
 * ever writes again. Immutable, so any number of memories on any threads may share its pages,
 * copying one only when they first write to it ({@link PagedMemory#PagedMemory(
 * com.dylibso.chicory.wasm.types.MemoryLimits, MemoryImage)}, {@link PagedMemory#restore}).
 *
 * <p>Made by {@link PagedMemory#freeze()}. A page that was never written is the shared zero
 * page, so an image costs heap only for the pages that were written.
 */
public final class MemoryImage {
    /** Page i of the memory: {@link PagedMemory#ZERO_PAGE} or an array that is never written again. */
    private final byte[][] pages;

    MemoryImage(byte[][] pages) {
        this.pages = pages; // final field: the pages' contents are visible to every thread that sees the image
    }

    /** The size of the frozen memory, in 64 KiB pages. */
    public int pageCount() {
        return pages.length;
    }

    /** The pages that hold data (not the shared zero page): what the image keeps alive. */
    public int allocatedPages() {
        int count = 0;
        for (byte[] page : pages) {
            if (page != PagedMemory.ZERO_PAGE) {
                count++;
            }
        }
        return count;
    }

    /** One byte of the frozen memory, for tests and diagnostics. */
    public byte read(int address) {
        return pages[address >>> PagedMemory.PAGE_SHIFT][address & PagedMemory.OFFSET_MASK];
    }

    /** Page {@code index}, shared: the caller must never write it. */
    byte[] page(int index) {
        return pages[index];
    }
}
