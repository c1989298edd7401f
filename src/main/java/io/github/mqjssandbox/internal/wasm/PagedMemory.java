package io.github.mqjssandbox.internal.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.Arrays;

/**
 * A non-shared wasm linear memory in 64 KiB pages that cost nothing until written.
 *
 * <p>Chicory's memories allocate and zero every page when the memory grows, so a sandbox would
 * pay for its whole JS arena up front. Here growing only raises the page count: a page never
 * written reads as zeros from one shared {@link #ZERO_PAGE}, and gets an array of its own on its
 * first write. A memory can also start from a {@link MemoryImage} ({@link #freeze()}), sharing its
 * pages and copying each one only when it first writes it.
 *
 * <p>Two page tables make that cheap on the hot path: {@code readable[i]} is what page i reads
 * as (the zero page, a page shared with an image, or our own); {@code writable[i]} is our own
 * page or null. A load is one table lookup; a store is one lookup and a null check. Beyond
 * {@link #pages()} both tables hold null, and beyond the maximum they end: a load there fails
 * with the JVM's own null or index check, which becomes the trap, as in Chicory's
 * ByteArrayMemory (explicit checks measured ~2 % slower on fib(27)).
 *
 * <p>Not thread-safe, like the instance that uses it.
 */
public final class PagedMemory extends SandboxMemory {
    private final byte[][] readable;
    private final byte[][] writable;

    /** An empty memory of {@code limits.initialPages()} pages that holds no page array yet. */
    public PagedMemory(MemoryLimits limits) {
        super(limits);
        this.readable = new byte[maxPages][];
        this.writable = new byte[maxPages][];
        this.pageCount = limits.initialPages();
        Arrays.fill(readable, 0, pageCount, ZERO_PAGE);
    }

    /**
     * A memory that starts as a copy of {@code image}, sharing its pages until it writes them:
     * O(pages) whatever the image holds. Its size is the image's, or the initial size of
     * {@code limits} if larger.
     *
     * <p>An {@link Instance} built with {@code withInitialize(true)} zeroes its memory and writes
     * the active data segments into it, which would undo the image: for an instance, use
     * {@link SandboxMemory#startingAs}.
     *
     * @throws IllegalArgumentException if the image is larger than the maximum of {@code limits}
     */
    public PagedMemory(MemoryLimits limits, MemoryImage image) {
        this(limits);
        if (image.pageCount() > maxPages) {
            throw new IllegalArgumentException(
                    "image of " + image.pageCount() + " pages > maximum " + maxPages);
        }
        pageCount = Math.max(pageCount, image.pageCount());
        for (int i = 0; i < image.pageCount(); i++) {
            readable[i] = image.page(i);
        }
    }

    /**
     * Freezes the current contents into an image, in O(pages) and without copying: this memory's
     * own pages pass to the image, and this memory goes on as a copy-on-write user of it, copying a
     * page again when it next writes it.
     */
    @Override
    public MemoryImage freeze() {
        byte[][] pages = Arrays.copyOf(readable, pageCount);
        Arrays.fill(writable, 0, pageCount, null);
        return new MemoryImage(pages);
    }

    /**
     * Makes this memory a copy of {@code image} again, size included, in O(pages): its own pages
     * are dropped, the image's shared until written. Data segments are kept as they are.
     *
     * @throws IllegalArgumentException if the image's size is outside this memory's limits
     */
    @Override
    public void restore(MemoryImage image) {
        int count = restoring(image);
        for (int i = 0; i < count; i++) {
            readable[i] = image.page(i);
        }
        Arrays.fill(readable, count, Math.max(count, pageCount), null);
        Arrays.fill(writable, 0, Math.max(count, pageCount), null);
        pageCount = count;
    }

    /**
     * Gives back the pages this memory wrote: each becomes {@code image}'s page again (the zero
     * page beyond the image) and keeps only the runs of bytes in which it differs
     * ({@link PageDiff}), typically a few hundred bytes instead of 64 KiB. Until {@link #thaw()}
     * those pages cannot be read or written: an access fails as out of bounds, so a forgotten
     * thaw traps instead of reading wrong bytes. A page equal to the image's just shares it.
     */
    @Override
    public void hibernate(MemoryImage image) {
        checkAwake();
        int[] pages = new int[pageCount];
        byte[][] diffs = new byte[pageCount][];
        int folded = 0;
        for (int i = 0; i < pageCount; i++) {
            byte[] base = pageOf(image, i);
            byte[] page = readable[i];
            writable[i] = null;
            if (page == base) {
                continue;
            }
            byte[] diff = PageDiff.between(base, page);
            if (diff.length == 0) {
                readable[i] = base;
            } else {
                readable[i] = null;
                pages[folded] = i;
                diffs[folded++] = diff;
            }
        }
        keepFolded(image, pages, diffs, folded);
    }

    /** Undoes {@link #hibernate}: the folded pages get arrays of their own again. No-op when awake. */
    @Override
    public void thaw() {
        if (foldedOn == null) {
            return;
        }
        for (int k = 0; k < foldedPages.length; k++) {
            int i = foldedPages[k];
            byte[] base = pageOf(foldedOn, i);
            byte[] page = base == ZERO_PAGE ? new byte[PAGE_SIZE] : base.clone();
            PageDiff.apply(foldedDiffs[k], page);
            readable[i] = page;
            writable[i] = page;
        }
        forgetFolded();
    }

    /** Pages with an array of their own (written since creation, freeze or restore). */
    @Override
    int ownedPages() {
        int count = 0;
        for (int i = 0; i < pageCount; i++) {
            if (writable[i] != null) {
                count++;
            }
        }
        return count;
    }

    /** Whether page {@code index} has an array of its own. */
    boolean ownsPage(int index) {
        return writable[index] != null;
    }

    /** Pages that hold data, own or shared with an image: what this memory keeps alive. */
    int allocatedPages() {
        int count = 0;
        for (int i = 0; i < pageCount; i++) {
            if (readable[i] != ZERO_PAGE) {
                count++;
            }
        }
        return count;
    }

    /** Grows by {@code delta} pages (an unsigned i32) without allocating any: they read as zeros. */
    @Override
    public int grow(int delta) {
        long target = pageCount + Integer.toUnsignedLong(delta);
        if (target > maxPages) {
            return -1;
        }
        int old = pageCount;
        Arrays.fill(readable, old, (int) target, ZERO_PAGE);
        pageCount = (int) target;
        return old;
    }

    // ---- page lookup for stores: the hot path ----

    private byte[] pageToWrite(int address, int width) {
        byte[] page;
        try {
            page = writable[address >>> PAGE_SHIFT];
        } catch (ArrayIndexOutOfBoundsException beyondMaximum) {
            throw outOfBounds(address, width);
        }
        return page != null ? page : firstWrite(address, width);
    }

    /** The first write to a page since it was created or shared: give it an array of its own. */
    private byte[] firstWrite(int address, int width) {
        int index = address >>> PAGE_SHIFT;
        if (index >= pageCount) {
            throw outOfBounds(address, width);
        }
        return own(index);
    }

    private byte[] own(int index) {
        byte[] shared = readable[index];
        byte[] page = shared == ZERO_PAGE ? new byte[PAGE_SIZE] : shared.clone();
        readable[index] = page;
        writable[index] = page;
        return page;
    }

    // ---- typed access ----

    @Override
    public byte read(int addr) {
        try {
            return readable[addr >>> PAGE_SHIFT][addr & OFFSET_MASK];
        } catch (NullPointerException | ArrayIndexOutOfBoundsException beyondEnd) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public void writeByte(int addr, byte data) {
        pageToWrite(addr, 1)[addr & OFFSET_MASK] = data;
    }

    @Override
    public short readShort(int addr) {
        int offset = addr & OFFSET_MASK;
        if (offset <= PAGE_SIZE - Short.BYTES) {
            try {
                return (short) SHORT.get(readable[addr >>> PAGE_SHIFT], offset);
            } catch (NullPointerException | ArrayIndexOutOfBoundsException beyondEnd) {
                throw outOfBounds(addr, Short.BYTES);
            }
        }
        return (short) readAcross(addr, Short.BYTES);
    }

    @Override
    public void writeShort(int addr, short data) {
        int offset = addr & OFFSET_MASK;
        if (offset <= PAGE_SIZE - Short.BYTES) {
            SHORT.set(pageToWrite(addr, Short.BYTES), offset, data);
        } else {
            writeAcross(addr, data, Short.BYTES);
        }
    }

    @Override
    public int readInt(int addr) {
        int offset = addr & OFFSET_MASK;
        if (offset <= PAGE_SIZE - Integer.BYTES) {
            try {
                return (int) INT.get(readable[addr >>> PAGE_SHIFT], offset);
            } catch (NullPointerException | ArrayIndexOutOfBoundsException beyondEnd) {
                throw outOfBounds(addr, Integer.BYTES);
            }
        }
        return (int) readAcross(addr, Integer.BYTES);
    }

    @Override
    public void writeI32(int addr, int data) {
        int offset = addr & OFFSET_MASK;
        if (offset <= PAGE_SIZE - Integer.BYTES) {
            INT.set(pageToWrite(addr, Integer.BYTES), offset, data);
        } else {
            writeAcross(addr, data, Integer.BYTES);
        }
    }

    @Override
    public long readLong(int addr) {
        int offset = addr & OFFSET_MASK;
        if (offset <= PAGE_SIZE - Long.BYTES) {
            try {
                return (long) LONG.get(readable[addr >>> PAGE_SHIFT], offset);
            } catch (NullPointerException | ArrayIndexOutOfBoundsException beyondEnd) {
                throw outOfBounds(addr, Long.BYTES);
            }
        }
        return readAcross(addr, Long.BYTES);
    }

    @Override
    public void writeLong(int addr, long data) {
        int offset = addr & OFFSET_MASK;
        if (offset <= PAGE_SIZE - Long.BYTES) {
            LONG.set(pageToWrite(addr, Long.BYTES), offset, data);
        } else {
            writeAcross(addr, data, Long.BYTES);
        }
    }

    /** A little-endian value whose bytes straddle two pages. */
    private long readAcross(int address, int width) {
        checkRange(address, width);
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            int at = address + i;
            value = (value << 8) | (readable[at >>> PAGE_SHIFT][at & OFFSET_MASK] & 0xFF);
        }
        return value;
    }

    /** Checks the whole range first, so a store that would trap writes nothing. */
    private void writeAcross(int address, long value, int width) {
        checkRange(address, width);
        for (int i = 0; i < width; i++) {
            int at = address + i;
            pageToWrite(at, width)[at & OFFSET_MASK] = (byte) (value >>> (8 * i));
        }
    }

    // ---- bulk access ----

    @Override
    public byte[] readBytes(int addr, int len) {
        checkRange(addr, len);
        byte[] out = new byte[len];
        for (int done = 0; done < len; ) {
            int at = addr + done;
            int offset = at & OFFSET_MASK;
            int n = Math.min(len - done, PAGE_SIZE - offset);
            byte[] page = readable[at >>> PAGE_SHIFT];
            if (page != ZERO_PAGE) {
                System.arraycopy(page, offset, out, done, n);
            }
            done += n;
        }
        return out;
    }

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        if (outside(offset, size, data.length)) {
            throw outOfBounds(offset, size);
        }
        checkRange(addr, size);
        for (int done = 0; done < size; ) {
            int at = addr + done;
            int pageOffset = at & OFFSET_MASK;
            int n = Math.min(size - done, PAGE_SIZE - pageOffset);
            System.arraycopy(data, offset + done, pageToWrite(at, size), pageOffset, n);
            done += n;
        }
    }

    /** memory.fill over [fromIndex, toIndex): zeros on a page that has none allocates nothing. */
    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        int size = toIndex - fromIndex;
        checkRange(fromIndex, size);
        for (int done = 0; done < size; ) {
            int at = fromIndex + done;
            int offset = at & OFFSET_MASK;
            int n = Math.min(size - done, PAGE_SIZE - offset);
            fillInPage(at >>> PAGE_SHIFT, offset, n, value);
            done += n;
        }
    }

    private void fillInPage(int index, int offset, int n, byte value) {
        if (value == 0) {
            if (n == PAGE_SIZE) { // a whole page of zeros is the zero page again, whoever owned it
                readable[index] = ZERO_PAGE;
                writable[index] = null;
                return;
            }
            if (readable[index] == ZERO_PAGE) {
                return;
            }
        }
        byte[] page = writable[index];
        if (page == null) {
            page = own(index);
        }
        Arrays.fill(page, offset, offset + n, value);
    }

    @Override
    public void zero() {
        if (imageIsInitialised) {
            return; // the instance's initialisation, on a memory that starts as an initialised image
        }
        Arrays.fill(readable, 0, pageCount, ZERO_PAGE);
        Arrays.fill(writable, 0, pageCount, null);
    }

    /** memory.copy with memmove semantics: overlapping ranges copy as if through a buffer. */
    @Override
    public void copy(int dest, int src, int size) {
        checkRange(dest, size);
        checkRange(src, size);
        if (dest == src) {
            return; // nothing moves, and a shared page need not be copied
        }
        if (dest > src && dest < src + size) {
            copyBackward(dest, src, size);
        } else {
            copyForward(dest, src, size);
        }
    }

    /** Lowest addresses first: right when the destination starts below the source. */
    private void copyForward(int dest, int src, int size) {
        for (int done = 0; done < size; ) {
            int d = dest + done;
            int s = src + done;
            int n = Math.min(size - done, PAGE_SIZE - Math.max(d & OFFSET_MASK, s & OFFSET_MASK));
            copyInPages(d, s, n);
            done += n;
        }
    }

    /** Highest addresses first: right when the destination overlaps the source from above. */
    private void copyBackward(int dest, int src, int size) {
        for (int left = size; left > 0; ) {
            int dEnd = dest + left;
            int sEnd = src + left;
            int dRoom = ((dEnd - 1) & OFFSET_MASK) + 1; // bytes of dEnd's page below dEnd
            int sRoom = ((sEnd - 1) & OFFSET_MASK) + 1;
            int n = Math.min(left, Math.min(dRoom, sRoom));
            copyInPages(dEnd - n, sEnd - n, n);
            left -= n;
        }
    }

    /** Copies n bytes that lie within one source page and one destination page. */
    private void copyInPages(int dest, int src, int n) {
        int dIndex = dest >>> PAGE_SHIFT;
        int dOffset = dest & OFFSET_MASK;
        int sOffset = src & OFFSET_MASK;
        byte[] from = readable[src >>> PAGE_SHIFT];
        if (from == ZERO_PAGE) {
            fillInPage(dIndex, dOffset, n, (byte) 0);
            return;
        }
        byte[] to = writable[dIndex];
        if (to == null) {
            if (readable[dIndex] == ZERO_PAGE && isZero(from, sOffset, n)) {
                return;
            }
            to = own(dIndex);
            from = readable[src >>> PAGE_SHIFT]; // the new array, if the source is that same page
        }
        System.arraycopy(from, sOffset, to, dOffset, n);
    }

}
