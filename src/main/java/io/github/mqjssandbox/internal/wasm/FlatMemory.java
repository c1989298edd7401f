package io.github.mqjssandbox.internal.wasm;

import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.Arrays;

/**
 * A linear memory in one array of exactly its size: a load or store is one array access whose
 * bounds check is the wasm bounds check. Interpreter-bound JS runs about a third faster than on
 * {@link PagedMemory}'s page tables (fib(27) 142 -> 92 ms, docs/performance.md), at the price of
 * the whole size up front: creating or resetting a 16 MiB sandbox allocates or clears 17 MiB (a
 * few milliseconds, against tens of microseconds), and a live sandbox holds all of it. For
 * long-running, compute-heavy sandboxes; {@code SandboxConfig.Builder.flatMemory}.
 *
 * <p>Hibernating folds the memory into its differences from the template's image and drops the
 * array, so idle sandboxes cost what paged ones do; the next operation allocates it again.
 */
public final class FlatMemory extends SandboxMemory {
    private static final byte[] NONE = new byte[0];

    /** pageCount << 16 bytes while awake; empty while hibernating, so that every access traps. */
    private byte[] bytes;

    /** A zeroed memory of {@code limits.initialPages()} pages. */
    public FlatMemory(MemoryLimits limits) {
        super(limits);
        this.bytes = new byte[pageCount << PAGE_SHIFT];
    }

    /**
     * A copy of {@code image}, of the image's size or the initial size of {@code limits} if larger.
     *
     * @throws IllegalArgumentException if the image is larger than the maximum of {@code limits}
     */
    public FlatMemory(MemoryLimits limits, MemoryImage image) {
        super(limits);
        if (image.pageCount() > maxPages) {
            throw new IllegalArgumentException("image of " + image.pageCount() + " pages > maximum " + maxPages);
        }
        pageCount = Math.max(pageCount, image.pageCount());
        bytes = new byte[pageCount << PAGE_SHIFT];
        copyIn(image, image.pageCount());
    }

    /** Writes the image's first {@code count} pages; the array holds zeros there. */
    private void copyIn(MemoryImage image, int count) {
        for (int i = 0; i < count; i++) {
            byte[] page = image.page(i);
            if (page != ZERO_PAGE) {
                System.arraycopy(page, 0, bytes, i << PAGE_SHIFT, PAGE_SIZE);
            }
        }
    }

    @Override
    public MemoryImage freeze() {
        byte[][] pages = new byte[pageCount][];
        for (int i = 0; i < pageCount; i++) {
            int from = i << PAGE_SHIFT;
            pages[i] = isZero(bytes, from, PAGE_SIZE) ? ZERO_PAGE : Arrays.copyOfRange(bytes, from, from + PAGE_SIZE);
        }
        return new MemoryImage(pages);
    }

    @Override
    public void restore(MemoryImage image) {
        int count = restoring(image);
        if (bytes.length == count << PAGE_SHIFT) {
            Arrays.fill(bytes, (byte) 0);
        } else {
            bytes = new byte[count << PAGE_SHIFT];
        }
        pageCount = count;
        copyIn(image, count);
    }

    @Override
    public void hibernate(MemoryImage image) {
        checkAwake();
        int[] pages = new int[pageCount];
        byte[][] diffs = new byte[pageCount][];
        int folded = 0;
        for (int i = 0; i < pageCount; i++) {
            byte[] base = pageOf(image, i);
            int from = i << PAGE_SHIFT;
            if (Arrays.mismatch(bytes, from, from + PAGE_SIZE, base, 0, PAGE_SIZE) >= 0) {
                pages[folded] = i;
                diffs[folded++] = PageDiff.between(base, Arrays.copyOfRange(bytes, from, from + PAGE_SIZE));
            }
        }
        bytes = NONE;
        keepFolded(image, pages, diffs, folded);
    }

    @Override
    public void thaw() {
        if (foldedOn == null) {
            return;
        }
        bytes = new byte[pageCount << PAGE_SHIFT];
        copyIn(foldedOn, Math.min(pageCount, foldedOn.pageCount()));
        for (int k = 0; k < foldedPages.length; k++) {
            int i = foldedPages[k];
            byte[] page = pageOf(foldedOn, i).clone();
            PageDiff.apply(foldedDiffs[k], page);
            System.arraycopy(page, 0, bytes, i << PAGE_SHIFT, PAGE_SIZE);
        }
        forgetFolded();
    }

    /** All pages while awake (one array), none while hibernating. */
    @Override
    int ownedPages() {
        return bytes.length >>> PAGE_SHIFT;
    }

    /** Grows by {@code delta} pages (an unsigned i32): a bigger array, the old bytes copied. */
    @Override
    public int grow(int delta) {
        long target = pageCount + Integer.toUnsignedLong(delta);
        if (target > maxPages) {
            return -1;
        }
        if (foldedOn != null) {
            throw new IllegalStateException("grow while hibernating");
        }
        int old = pageCount;
        if (target != old) {
            bytes = Arrays.copyOf(bytes, (int) target << PAGE_SHIFT);
        }
        pageCount = (int) target;
        return old;
    }

    /** The array's length: 0 while hibernating, so that bulk operations trap too. */
    @Override
    int byteSize() {
        return bytes.length;
    }

    // ---- typed access: the JVM's bounds check is the wasm one ----

    @Override
    public byte read(int addr) {
        try {
            return bytes[addr];
        } catch (ArrayIndexOutOfBoundsException beyondEnd) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public void writeByte(int addr, byte data) {
        try {
            bytes[addr] = data;
        } catch (ArrayIndexOutOfBoundsException beyondEnd) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public short readShort(int addr) {
        try {
            return (short) SHORT.get(bytes, addr);
        } catch (IndexOutOfBoundsException beyondEnd) {
            throw outOfBounds(addr, Short.BYTES);
        }
    }

    @Override
    public void writeShort(int addr, short data) {
        try {
            SHORT.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException beyondEnd) {
            throw outOfBounds(addr, Short.BYTES);
        }
    }

    @Override
    public int readInt(int addr) {
        try {
            return (int) INT.get(bytes, addr);
        } catch (IndexOutOfBoundsException beyondEnd) {
            throw outOfBounds(addr, Integer.BYTES);
        }
    }

    @Override
    public void writeI32(int addr, int data) {
        try {
            INT.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException beyondEnd) {
            throw outOfBounds(addr, Integer.BYTES);
        }
    }

    @Override
    public long readLong(int addr) {
        try {
            return (long) LONG.get(bytes, addr);
        } catch (IndexOutOfBoundsException beyondEnd) {
            throw outOfBounds(addr, Long.BYTES);
        }
    }

    @Override
    public void writeLong(int addr, long data) {
        try {
            LONG.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException beyondEnd) {
            throw outOfBounds(addr, Long.BYTES);
        }
    }

    // ---- bulk access: the whole range is checked first, so nothing is half done ----

    @Override
    public byte[] readBytes(int addr, int len) {
        checkRange(addr, len);
        return Arrays.copyOfRange(bytes, addr, addr + len);
    }

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        if (outside(offset, size, data.length)) {
            throw outOfBounds(offset, size);
        }
        checkRange(addr, size);
        System.arraycopy(data, offset, bytes, addr, size);
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        checkRange(fromIndex, toIndex - fromIndex);
        Arrays.fill(bytes, fromIndex, toIndex, value);
    }

    @Override
    public void zero() {
        if (imageIsInitialised) {
            return; // the instance's initialisation, on a memory that starts as an initialised image
        }
        Arrays.fill(bytes, (byte) 0);
    }

    /** memory.copy: System.arraycopy within one array moves as if through a buffer. */
    @Override
    public void copy(int dest, int src, int size) {
        checkRange(dest, size);
        checkRange(src, size);
        System.arraycopy(bytes, src, bytes, dest, size);
    }
}
