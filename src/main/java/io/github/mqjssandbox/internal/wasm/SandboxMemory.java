package io.github.mqjssandbox.internal.wasm;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;

/**
 * What the sandbox's two linear memories share: {@link PagedMemory} (64 KiB pages allocated on
 * first write and shared with a template until then: cheap to create, reset and keep idle) and
 * {@link FlatMemory} (one array: faster loads and stores, the whole size allocated up front).
 * Both are non-shared wasm memories that start from, return to and hibernate against a template's
 * {@link MemoryImage}, and give AOT-compiled code one array for multi-value results.
 *
 * <p>Not thread-safe, like the instance that uses it.
 */
public abstract class SandboxMemory implements Memory {
    static final int PAGE_SHIFT = 16;
    static final int OFFSET_MASK = PAGE_SIZE - 1;
    /** What every page that was never written reads from. Never written. */
    static final byte[] ZERO_PAGE = new byte[PAGE_SIZE];

    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** How many results {@link #sharedResults} can carry; the build's share-results pass checks it. */
    public static final int MAX_SHARED_RESULTS = 32;

    final MemoryLimits limits;
    final int maxPages;
    int pageCount;
    /**
     * The instance's data segments, for memory.init: the instance's own array, not a copy, since
     * the interpreter's data.drop empties entries there and compiled code's through {@link #drop}.
     */
    private DataSegment[] segments = new DataSegment[0];
    /**
     * The results of every multi-value call this memory's instance makes between AOT-compiled
     * functions, instead of a new array per call: the build rewrites Chicory's generated classes
     * so ({@code wasm-tools share-results}, wasm/Makefile), since the caller reads the array
     * right after the call returns. Not for the interpreter, which never sees it.
     */
    private final long[] sharedResults = new long[MAX_SHARED_RESULTS];
    /**
     * Set by {@link #startingAs}: the image already holds this memory's initialised contents, so
     * the instance's own initialisation (zero, then write the data segments) only records the
     * segments. Cleared by that initialisation.
     */
    boolean imageIsInitialised;
    /** While hibernating: the image the folded pages differ from, their indexes and differences. */
    MemoryImage foldedOn;
    int[] foldedPages;
    byte[][] foldedDiffs;

    SandboxMemory(MemoryLimits limits) {
        if (limits.shared()) {
            throw new IllegalArgumentException("shared memories are not supported");
        }
        this.limits = limits;
        this.maxPages = Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES);
        if (limits.initialPages() > maxPages) {
            throw new IllegalArgumentException("initial pages " + limits.initialPages() + " > maximum " + maxPages);
        }
        this.pageCount = limits.initialPages();
    }

    /**
     * The array that AOT-compiled code returns multiple results in: the memory's own, or a new
     * one for a memory of another kind. Called by the classes the build rewrote
     * ({@code wasm-tools share-results --buffer}, wasm/Makefile).
     */
    public static long[] sharedResults(Memory memory) {
        return memory instanceof SandboxMemory own ? own.sharedResults : new long[MAX_SHARED_RESULTS];
    }

    /**
     * A memory factory for {@code Instance.Builder.withMemoryFactory}: each memory starts as a
     * copy of {@code image}, which must have been frozen from an instance of the same module after
     * its initialisation. The new instance's initialisation then keeps the image instead of
     * zeroing it and writing the data segments again.
     */
    public static Function<MemoryLimits, Memory> startingAs(MemoryImage image, boolean flat) {
        return limits -> {
            SandboxMemory memory = flat ? new FlatMemory(limits, image) : new PagedMemory(limits, image);
            memory.imageIsInitialised = true;
            return memory;
        };
    }

    /** An empty memory for a new instance: {@link FlatMemory} or {@link PagedMemory}. */
    public static Function<MemoryLimits, Memory> empty(boolean flat) {
        return flat ? FlatMemory::new : PagedMemory::new;
    }

    /**
     * Makes this memory a copy of {@code image} again, size included. Data segments are kept as
     * they are.
     *
     * @throws IllegalArgumentException if the image's size is outside this memory's limits
     */
    public abstract void restore(MemoryImage image);

    /**
     * Keeps only how the memory differs from {@code image} ({@link PageDiff}) until {@link #thaw()};
     * meanwhile an access fails as out of bounds, so a forgotten thaw traps instead of reading
     * wrong bytes.
     */
    public abstract void hibernate(MemoryImage image);

    /** Undoes {@link #hibernate}. No-op when awake. */
    public abstract void thaw();

    /**
     * The current contents as an immutable image that other memories start from: for pages
     * without copying (the pages pass to the image and are copied again when next written), for
     * one array by copying the pages that are not all zeros.
     */
    public abstract MemoryImage freeze();

    static boolean isZero(byte[] bytes, int offset, int n) {
        return Arrays.mismatch(bytes, offset, offset + n, ZERO_PAGE, 0, n) < 0;
    }

    /** Pages with an array of their own, which this memory alone keeps alive. */
    abstract int ownedPages();

    public boolean hibernating() {
        return foldedOn != null;
    }

    /** The bytes of differences a hibernating memory keeps; 0 when awake. */
    public long foldedBytes() {
        long bytes = 0;
        if (foldedDiffs != null) {
            for (byte[] diff : foldedDiffs) {
                bytes += diff.length;
            }
        }
        return bytes;
    }

    void forgetFolded() {
        foldedOn = null;
        foldedPages = null;
        foldedDiffs = null;
    }

    /** Begins {@link #restore}: forgets what was folded, checks the image fits; its page count. */
    int restoring(MemoryImage image) {
        forgetFolded(); // whatever it had folded is replaced too
        int count = image.pageCount();
        if (count > maxPages || count < limits.initialPages()) {
            throw new IllegalArgumentException(
                    "image of " + count + " pages outside the limits " + limits.initialPages() + ".." + maxPages);
        }
        return count;
    }

    /** Begins {@link #hibernate}. */
    void checkAwake() {
        if (foldedOn != null) {
            throw new IllegalStateException("already hibernating");
        }
    }

    /** Ends {@link #hibernate}: the first {@code count} folded pages and their differences. */
    void keepFolded(MemoryImage image, int[] pages, byte[][] diffs, int count) {
        foldedOn = image;
        foldedPages = Arrays.copyOf(pages, count);
        foldedDiffs = Arrays.copyOf(diffs, count);
    }

    /** Page {@code index} of {@code image}, zeros beyond its end. */
    static byte[] pageOf(MemoryImage image, int index) {
        return index < image.pageCount() ? image.page(index) : ZERO_PAGE;
    }

    // ---- size ----

    @Override
    public int pages() {
        return pageCount;
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return maxPages;
    }

    @Override
    public boolean shared() {
        return false;
    }

    /** The bytes an access may reach now. */
    int byteSize() {
        return pageCount << PAGE_SHIFT;
    }

    // ---- traps ----

    WasmRuntimeException outOfBounds(int address, int size) {
        return new WasmRuntimeException("out of bounds memory access: attempted to access address: " + address
                + " but limit is: " + byteSize() + " and size: " + size);
    }

    static boolean outside(int address, int size, int limit) {
        return address < 0 || size < 0 || size > limit - address; // limit - address cannot overflow
    }

    void checkRange(int address, int size) {
        if (outside(address, size, byteSize())) {
            throw outOfBounds(address, size);
        }
    }

    // ---- typed access built on the others ----

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public float readFloat(int addr) {
        return Float.intBitsToFloat(readInt(addr));
    }

    /** The raw bits, sign-extended as Chicory's own memories return them. */
    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public void writeF32(int addr, float data) {
        writeI32(addr, Float.floatToRawIntBits(data));
    }

    @Override
    public double readDouble(int addr) {
        return Double.longBitsToDouble(readLong(addr));
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }

    @Override
    public void writeF64(int addr, double data) {
        writeLong(addr, Double.doubleToRawLongBits(data));
    }

    // ---- data segments ----

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        initialize(instance, dataSegments, 0);
    }

    /** Records the segments and writes the active ones of memory {@code memoryIndex}. */
    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        segments = dataSegments == null ? new DataSegment[0] : dataSegments;
        if (imageIsInitialised) {
            imageIsInitialised = false;
            return; // the image holds the active segments already
        }
        for (DataSegment segment : segments) {
            if (segment instanceof ActiveDataSegment) {
                ActiveDataSegment active = (ActiveDataSegment) segment;
                if (active.index() != memoryIndex) {
                    continue;
                }
                int offset = (int) ConstantEvaluators.computeConstantValue(instance, active.offsetInstructions())[0];
                byte[] data = active.data();
                if (outside(offset, data.length, byteSize())) {
                    throw new UninstantiableException("out of bounds memory access: attempted to access address: "
                            + offset + " but limit is: " + byteSize() + " and size: " + data.length);
                }
                write(offset, data, 0, data.length);
            } else if (!(segment instanceof PassiveDataSegment)) {
                throw new ChicoryException("Data segment should be active or passive: " + segment);
            }
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        write(dest, segments[segmentId].data(), offset, size);
    }

    @Override
    public void drop(int segment) {
        segments[segment] = PassiveDataSegment.EMPTY;
    }

    // ---- atomics: one thread only, so the interface's lock-based defaults are exact ----

    @Override
    public Object lock(int address) {
        return this;
    }

    @Override
    public void atomicFence() {
        VarHandle.fullFence();
    }

    @Override
    public int waitOn(int address, int expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    public int waitOn(int address, long expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    /** No thread can wait on a non-shared memory: nobody to wake. */
    @Override
    public int notify(int address, int count) {
        return 0;
    }
}
