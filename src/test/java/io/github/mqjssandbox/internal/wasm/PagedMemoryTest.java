package io.github.mqjssandbox.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** PagedMemory behaves as a wasm memory, allocates pages lazily and shares them copy-on-write. */
class PagedMemoryTest {
    private static final int PAGE = 65536;
    static final int[] WIDTHS = {1, 2, 4, 8};

    private static PagedMemory memory(int pages) {
        return new PagedMemory(new MemoryLimits(pages, pages));
    }

    /** Writes {@code value}'s low {@code width} bytes at {@code address} through the typed store of that width. */
    static void store(Memory memory, int width, int address, long value) {
        switch (width) {
            case 1: memory.writeByte(address, (byte) value); break;
            case 2: memory.writeShort(address, (short) value); break;
            case 4: memory.writeI32(address, (int) value); break;
            default: memory.writeLong(address, value);
        }
    }

    static long load(Memory memory, int width, int address) {
        switch (width) {
            case 1: return memory.read(address) & 0xFFL;
            case 2: return memory.readShort(address) & 0xFFFFL;
            case 4: return memory.readInt(address) & 0xFFFF_FFFFL;
            default: return memory.readLong(address);
        }
    }

    private static long mask(int width) {
        return width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    // ---- typed access ----

    @Test
    void typedValuesRoundTripAroundEveryPageBoundaryAndAreLittleEndian() {
        PagedMemory memory = memory(3);
        long pattern = 0x8877_6655_4433_2211L;
        for (int width : WIDTHS) {
            for (int boundary : new int[] {PAGE, 2 * PAGE}) {
                for (int address = boundary - 9; address <= boundary + 1; address++) {
                    store(memory, width, address, pattern);
                    assertEquals(pattern & mask(width), load(memory, width, address), "width " + width + " at " + address);
                    for (int i = 0; i < width; i++) {
                        assertEquals((byte) (pattern >>> (8 * i)), memory.read(address + i), "byte " + i + " at " + address);
                    }
                }
            }
        }
    }

    @Test
    void aStraddlingLongAtTheEndOfAPageSplitsItsBytesAcrossBothPages() {
        PagedMemory memory = memory(2);
        memory.writeLong(65532, 0x0807_0605_0403_0201L);
        assertEquals(0x0403_0201, memory.readInt(65532));
        assertEquals(0x0807_0605, memory.readInt(65536));
        assertEquals(0x0807_0605_0403_0201L, memory.readLong(65532));
        assertEquals(0x0504_0302, memory.readInt(65533));
        assertEquals(2, memory.ownedPages());
    }

    @Test
    void floatsKeepTheirBitsAndF32BitsAreSignExtendedLikeChicorysMemories() {
        PagedMemory memory = memory(2);
        ByteArrayMemory reference = new ByteArrayMemory(new MemoryLimits(2, 2));
        int nanBits = 0xFFC0_0001;
        for (Memory m : new Memory[] {memory, reference}) {
            m.writeF32(65534, Float.intBitsToFloat(nanBits));
            m.writeF64(2 * 65536 - 8, -1.5);
            m.writeF64(65533 - 8, 2.5);
            m.writeF32(100, -2.0f);
        }
        assertEquals(nanBits, Float.floatToRawIntBits(memory.readFloat(65534)));
        assertEquals(-1.5, memory.readDouble(2 * 65536 - 8));
        assertEquals(2.5, memory.readDouble(65533 - 8));
        assertEquals(reference.readF32(100), memory.readF32(100));
        assertEquals(reference.readF64(65532), memory.readF64(65532));
        assertEquals(reference.readU16(65535), memory.readU16(65535));
    }

    // ---- traps ----

    @Test
    void everyAccessWidthTrapsAtTheEndOfMemoryLikeByteArrayMemory() {
        PagedMemory memory = memory(2);
        ByteArrayMemory reference = new ByteArrayMemory(new MemoryLimits(2, 2));
        int end = 2 * PAGE;
        for (int width : WIDTHS) {
            int[] outside = {end - width + 1, end - 1, end, end + 1, 3 * PAGE, Integer.MAX_VALUE, -1, -width, 0xFFFF_0000};
            for (int address : outside) {
                if (address < end && address + width <= end && address >= 0) {
                    continue; // end - 1 holds a byte
                }
                int at = address;
                for (Memory m : new Memory[] {memory, reference}) {
                    assertTraps(() -> load(m, width, at), "load" + width + " at " + at);
                    assertTraps(() -> store(m, width, at, -1L), "store" + width + " at " + at);
                }
            }
            memory.fill((byte) 0, end - 8, end);
            assertEquals(0, load(memory, width, end - width));
            store(memory, width, end - width, -1L);
            assertEquals(mask(width), load(memory, width, end - width));
        }
        assertTraps(() -> memory.readFloat(end - 3), "f32");
        assertTraps(() -> memory.writeF64(end - 7, 1.0), "f64");
    }

    @Test
    void aStoreThatTrapsHalfWayWritesNothing() {
        PagedMemory memory = memory(1);
        assertTraps(() -> memory.writeLong(PAGE - 4, -1L), "straddling the end");
        assertEquals(0, memory.readInt(PAGE - 4));
        assertTraps(() -> memory.write(PAGE - 2, new byte[] {1, 2, 3}), "bytes past the end");
        assertEquals(0, memory.readShort(PAGE - 2));
    }

    @Test
    void bulkOperationsTrapOnRangesOutsideMemory() {
        for (Memory m : new Memory[] {memory(2), new ByteArrayMemory(new MemoryLimits(2, 2))}) {
            assertTraps(() -> m.readBytes(2 * PAGE - 1, 2), "readBytes");
            assertTraps(() -> m.readBytes(-1, 1), "readBytes negative");
            assertTraps(() -> m.fill((byte) 1, 2 * PAGE - 1, 2 * PAGE + 1), "fill");
            assertTraps(() -> m.copy(2 * PAGE - 1, 0, 2), "copy destination");
            assertTraps(() -> m.copy(0, 2 * PAGE - 1, 2), "copy source");
            assertTraps(() -> m.copy(2 * PAGE + 1, 0, 0), "empty copy beyond the end");
            assertTraps(() -> m.write(0, new byte[4], 2, 3), "write from outside the array");
            m.copy(2 * PAGE, 0, 0); // empty at the very end is fine
            m.fill((byte) 1, 2 * PAGE, 2 * PAGE);
            assertEquals(0, m.readBytes(2 * PAGE, 0).length);
        }
        PagedMemory memory = memory(2);
        assertTraps(() -> memory.readBytes(1, Integer.MAX_VALUE), "length that overflows");
    }

    static void assertTraps(Executable access, String what) {
        WasmRuntimeException trap = assertThrows(WasmRuntimeException.class, access, what);
        assertTrue(trap.getMessage().startsWith("out of bounds memory access"), what + ": " + trap.getMessage());
    }

    // ---- growth ----

    @Test
    void growReturnsTheOldSizeAndRefusesToPassTheMaximum() {
        PagedMemory memory = new PagedMemory(new MemoryLimits(1, 4));
        assertEquals(1, memory.pages());
        assertEquals(1, memory.grow(2));
        assertEquals(3, memory.pages());
        assertEquals(3, memory.grow(0));
        assertEquals(-1, memory.grow(2));
        assertEquals(-1, memory.grow(-1)); // an unsigned 2^32 - 1 pages
        assertEquals(3, memory.pages());
        assertEquals(3, memory.grow(1));
        assertEquals(4, memory.pages());
        assertEquals(0, memory.readLong(4 * PAGE - 8));
        assertTraps(() -> memory.read(4 * PAGE), "past the maximum");
        assertEquals(0, memory.ownedPages());
        assertEquals(1, memory.initialPages());
        assertEquals(4, memory.maximumPages());
    }

    @Test
    void theMaximumIsCappedAtWhatChicorySupports() {
        PagedMemory memory = new PagedMemory(new MemoryLimits(1, MemoryLimits.MAX_PAGES));
        assertEquals(Memory.RUNTIME_MAX_PAGES, memory.maximumPages());
        assertEquals(1, memory.grow(Memory.RUNTIME_MAX_PAGES - 1));
        assertEquals(-1, memory.grow(1));
        memory.writeLong(Memory.RUNTIME_MAX_PAGES * PAGE - 8, 7);
        assertEquals(7, memory.readLong(Memory.RUNTIME_MAX_PAGES * PAGE - 8));
        assertEquals(1, memory.ownedPages());
    }

    @Test
    void sharedMemoriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PagedMemory(new MemoryLimits(1, 2, true)));
    }

    // ---- lazy allocation ----

    @Test
    void pagesAreAllocatedOnTheirFirstWriteOnly() {
        PagedMemory memory = new PagedMemory(new MemoryLimits(1, 300));
        memory.grow(255);
        assertEquals(0, memory.ownedPages());
        assertEquals(0, memory.readLong(200 * PAGE + 17));
        assertEquals(0, memory.readBytes(0, 256 * PAGE).length - 256 * PAGE);
        assertEquals(0, memory.ownedPages(), "reads allocate nothing");
        memory.fill((byte) 0, 3, 100 * PAGE + 5);
        assertEquals(0, memory.ownedPages(), "zeros on zero pages allocate nothing");
        memory.copy(50 * PAGE + 3, 7, 3 * PAGE);
        assertEquals(0, memory.ownedPages(), "copying zeros onto zeros allocates nothing");
        memory.writeByte(10 * PAGE + 5, (byte) 1);
        assertEquals(1, memory.ownedPages());
        memory.writeI32(10 * PAGE + 100, 1);
        assertEquals(1, memory.ownedPages());
        memory.fill((byte) 0, 20 * PAGE, 20 * PAGE + 10);
        assertEquals(1, memory.ownedPages());
        memory.copy(30 * PAGE, 10 * PAGE + 1000, 500); // zeros from an allocated page onto a zero page
        assertEquals(1, memory.ownedPages());
        memory.copy(30 * PAGE, 10 * PAGE, 8); // a one among them
        assertEquals(2, memory.ownedPages());
        assertEquals(1, memory.read(30 * PAGE + 5));
        memory.fill((byte) 7, 40 * PAGE + 1, 40 * PAGE + 2);
        assertEquals(3, memory.ownedPages());
        MemoryImage image = memory.freeze();
        PagedMemory child = new PagedMemory(new MemoryLimits(1, 300), image);
        child.copy(10 * PAGE, 10 * PAGE, 100);
        assertEquals(0, child.ownedPages(), "a copy onto itself changes nothing");
        assertEquals(1, child.read(10 * PAGE + 5));
    }

    @Test
    void zeroingAWholePageGivesItsArrayBack() {
        PagedMemory memory = memory(4);
        memory.fill((byte) 9, 0, 4 * PAGE);
        assertEquals(4, memory.ownedPages());
        memory.fill((byte) 0, PAGE - 1, 3 * PAGE + 1);
        assertEquals(2, memory.ownedPages(), "pages 1 and 2 were cleared whole");
        assertEquals(9, memory.read(PAGE - 2));
        assertEquals(0, memory.read(PAGE - 1));
        assertEquals(0, memory.read(2 * PAGE));
        assertEquals(9, memory.read(3 * PAGE + 1));
        memory.zero();
        assertEquals(0, memory.ownedPages());
        assertEquals(0, memory.read(PAGE - 2));
        assertEquals(4, memory.pages());
    }

    // ---- fill and copy, against Chicory's ByteArrayMemory ----

    @Test
    void overlappingCopiesAcrossPagesMoveLikeMemmove() {
        for (int shift : new int[] {1, 7, PAGE - 1, PAGE, PAGE + 3}) {
            for (int sign : new int[] {1, -1}) {
                PagedMemory memory = memory(5);
                ByteArrayMemory reference = new ByteArrayMemory(new MemoryLimits(5, 5));
                byte[] data = new byte[2 * PAGE + 11];
                new Random(shift).nextBytes(data);
                int src = PAGE + 5;
                int dest = src + sign * shift;
                for (Memory m : new Memory[] {memory, reference}) {
                    m.write(src, data);
                    m.copy(dest, src, data.length);
                }
                assertSameContents(reference, memory, "shift " + sign * shift);
                assertArrayEquals(data, memory.readBytes(dest, data.length));
            }
        }
    }

    @Test
    void randomFillsCopiesAndStoresMatchByteArrayMemory() {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            PagedMemory memory = memory(6);
            ByteArrayMemory reference = new ByteArrayMemory(new MemoryLimits(6, 6));
            MemoryImage image = null;
            byte[] frozen = null;
            if (round % 2 == 1) { // start from an image with data in pages 1 and 3: copy-on-write paths
                byte[] data = new byte[PAGE + 100];
                random.nextBytes(data);
                memory.write(PAGE - 50, data);
                memory.write(3 * PAGE + 7, data, 0, 1000);
                image = memory.freeze();
                frozen = memory.readBytes(0, 6 * PAGE);
                memory = new PagedMemory(new MemoryLimits(6, 6), image);
                reference.write(0, frozen);
            }
            StringBuilder history = new StringBuilder();
            for (int step = 0; step < 60; step++) {
                Op op = randomOp(random, 6 * PAGE);
                history.append(op.what).append("; ");
                op.action.accept(memory);
                op.action.accept(reference);
                assertSameContents(reference, memory, history.toString());
            }
            assertTrue(memory.ownedPages() <= 6);
            if (image != null) {
                assertArrayEquals(frozen, new PagedMemory(new MemoryLimits(6, 6), image).readBytes(0, 6 * PAGE), "image changed");
            }
        }
    }

    static final class Op {
        final String what;
        final Consumer<Memory> action;

        Op(String what, Consumer<Memory> action) {
            this.what = what;
            this.action = action;
        }
    }

    /** Ranges biased towards page boundaries, values towards zero, so every path of fill and copy runs. */
    static Op randomOp(Random random, int size) {
        int length = random.nextInt(4) == 0 ? PAGE + random.nextInt(PAGE) : random.nextInt(300);
        int a = nearBoundary(random, size - length);
        int b = nearBoundary(random, size - length);
        byte value = random.nextBoolean() ? 0 : (byte) random.nextInt();
        switch (random.nextInt(5)) {
            case 0: return new Op("fill " + value + " " + a + "+" + length, m -> m.fill(value, a, a + length));
            case 1: return new Op("copy " + a + " <- " + b + " " + length, m -> m.copy(a, b, length));
            case 2: {
                int width = WIDTHS[random.nextInt(4)];
                long bits = random.nextLong();
                int at = Math.min(a, size - width);
                return new Op("store" + width + " " + at, m -> store(m, width, at, bits));
            }
            case 3: {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                return new Op("write " + a + "+" + length, m -> m.write(a, bytes));
            }
            default: {
                int near = Math.max(0, Math.min(size - length, a + random.nextInt(64) - 32));
                return new Op("copy " + a + " <- " + near + " " + length, m -> m.copy(a, near, length));
            }
        }
    }

    private static int nearBoundary(Random random, int bound) {
        int at = random.nextBoolean()
                ? random.nextInt(bound + 1)
                : (random.nextInt(bound / PAGE + 1) * PAGE + random.nextInt(17) - 8);
        return Math.max(0, Math.min(bound, at));
    }

    static void assertSameContents(Memory expected, Memory actual, String what) {
        assertEquals(expected.pages(), actual.pages(), what);
        assertArrayEquals(expected.readBytes(0, expected.pages() * PAGE), actual.readBytes(0, actual.pages() * PAGE), what);
    }

    // ---- copy-on-write ----

    @Test
    void childrenOfAnImageShareItsPagesAndNeverLeakWrites() {
        MemoryLimits limits = new MemoryLimits(2, 8);
        PagedMemory template = new PagedMemory(limits);
        template.grow(2);
        template.writeLong(8, 0x1111L);
        template.writeLong(2 * PAGE + 8, 0x2222L);
        MemoryImage image = template.freeze();
        assertEquals(4, image.pageCount());
        assertEquals(2, image.allocatedPages());
        assertEquals(0, template.ownedPages(), "the template's pages passed to the image");

        PagedMemory first = new PagedMemory(limits, image);
        PagedMemory second = new PagedMemory(limits, image);
        assertEquals(4, first.pages());
        assertEquals(0x1111L, first.readLong(8));
        assertEquals(0, first.ownedPages());
        assertEquals(2, first.allocatedPages());

        first.writeLong(8, 0xAAAAL);
        first.writeByte(3 * PAGE, (byte) 5);
        first.copy(2 * PAGE + 100, 2 * PAGE + 8, 8); // within a shared page
        template.writeLong(2 * PAGE + 8, 0x3333L);
        second.fill((byte) 0, 0, PAGE); // a whole shared page zeroed: back to the zero page
        second.fill((byte) 0, 2 * PAGE + 8, 2 * PAGE + 9);

        assertEquals(0xAAAAL, first.readLong(8));
        assertEquals(0x2222L, first.readLong(2 * PAGE + 100));
        assertEquals(0x2222L, first.readLong(2 * PAGE + 8));
        assertEquals(0, second.readLong(8));
        assertEquals(0x2200L, second.readLong(2 * PAGE + 8));
        assertEquals(0x1111L, template.readLong(8));
        assertEquals(0x3333L, template.readLong(2 * PAGE + 8));
        assertEquals(0, template.read(3 * PAGE));
        assertEquals(0x11, image.read(8));
        assertEquals(0x22, image.read(2 * PAGE + 8));
        assertEquals(0, image.read(2 * PAGE + 100));
        assertEquals(0, image.read(3 * PAGE));
        assertEquals(3, first.ownedPages());
        assertEquals(1, second.ownedPages());
        assertEquals(1, template.ownedPages());
    }

    @Test
    void restoreMakesAMemoryACopyOfTheImageAgainSizeIncluded() {
        MemoryLimits limits = new MemoryLimits(1, 8);
        PagedMemory template = new PagedMemory(limits);
        template.grow(1);
        template.writeI32(PAGE + 4, 42);
        MemoryImage image = template.freeze();

        PagedMemory memory = new PagedMemory(limits);
        memory.grow(5);
        memory.fill((byte) 3, 0, 6 * PAGE);
        memory.restore(image);
        assertEquals(2, memory.pages());
        assertEquals(0, memory.ownedPages());
        assertEquals(42, memory.readInt(PAGE + 4));
        assertEquals(0, memory.readInt(0));
        assertTraps(() -> memory.read(2 * PAGE), "pages beyond the image are gone");
        assertEquals(2, memory.grow(1));
        assertEquals(0, memory.read(2 * PAGE), "and come back as zeros");

        memory.writeI32(PAGE + 4, 7);
        MemoryImage second = memory.freeze();
        assertEquals(7, second.read(PAGE + 4));
        assertEquals(42, image.read(PAGE + 4));
        memory.restore(image);
        assertEquals(42, memory.readInt(PAGE + 4));
        assertThrows(IllegalArgumentException.class, () -> new PagedMemory(new MemoryLimits(1, 1), image));
    }

    @Test
    void anImageMadeAfterFurtherWritesIsIndependentOfTheFirst() {
        PagedMemory memory = memory(2);
        memory.writeByte(1, (byte) 1);
        MemoryImage before = memory.freeze();
        memory.writeByte(1, (byte) 2);
        memory.writeByte(PAGE + 1, (byte) 3);
        MemoryImage after = memory.freeze();
        memory.writeByte(1, (byte) 4);
        assertEquals(1, before.read(1));
        assertEquals(0, before.read(PAGE + 1));
        assertEquals(2, after.read(1));
        assertEquals(3, after.read(PAGE + 1));
        assertEquals(4, memory.read(1));
    }

    // ---- hibernation ----

    /**
     * Random writes over an image, hibernation, then thaw: every byte is back, the image is
     * untouched, and while hibernating the memory keeps only differences (or nothing for pages
     * written back to the image's bytes).
     */
    @Test
    void hibernateAndThawLoseNoByte() {
        Random random = new Random(11);
        for (int round = 0; round < 30; round++) {
            PagedMemory template = memory(6);
            byte[] data = new byte[2 * PAGE];
            random.nextBytes(data);
            template.write(PAGE + random.nextInt(PAGE), data, 0, PAGE);
            MemoryImage image = template.freeze();
            byte[] frozen = new PagedMemory(new MemoryLimits(6, 6), image).readBytes(0, 6 * PAGE);
            PagedMemory memory = new PagedMemory(new MemoryLimits(6, 8), image);
            for (int step = 0; step < 40; step++) {
                randomOp(random, 6 * PAGE).action.accept(memory);
            }
            if (round % 3 == 0) {
                memory.grow(2);
                memory.writeLong(7 * PAGE + 8, random.nextLong()); // beyond the image: diffs from zeros
            }
            byte[] before = memory.readBytes(0, memory.pages() * PAGE);
            memory.hibernate(image);
            assertTrue(memory.hibernating());
            assertEquals(0, memory.ownedPages());
            assertTrue(memory.foldedBytes() < (long) memory.pages() * PAGE);
            memory.thaw();
            assertArrayEquals(before, memory.readBytes(0, memory.pages() * PAGE), "round " + round);
            assertArrayEquals(frozen, new PagedMemory(new MemoryLimits(6, 6), image).readBytes(0, 6 * PAGE), "image changed");
        }
    }

    @Test
    void aHibernatingMemoryTrapsInsteadOfReadingWrongBytes() {
        PagedMemory template = memory(2);
        template.writeLong(PAGE + 8, 0x1234L);
        MemoryImage image = template.freeze();
        PagedMemory memory = new PagedMemory(new MemoryLimits(2, 2), image);
        memory.writeLong(PAGE + 16, 0x5678L);
        memory.writeLong(0, 0); // zeros over zeros: the page equals the image's again
        memory.hibernate(image);
        assertEquals(7, memory.foldedBytes(), "one run: 5 bytes of header, 2 of data (0x5678)");
        assertEquals(0, memory.readLong(8), "a page equal to the image's is shared, readable");
        assertThrows(RuntimeException.class, () -> memory.readLong(PAGE + 16));
        assertThrows(RuntimeException.class, () -> memory.writeByte(PAGE, (byte) 1));
        memory.thaw();
        assertEquals(0x1234L, memory.readLong(PAGE + 8));
        assertEquals(0x5678L, memory.readLong(PAGE + 16));
        assertEquals(0, memory.foldedBytes());
    }

    @Test
    void pageDiffsRoundTripAndStaySmall() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            byte[] base = new byte[PAGE];
            if (round % 2 == 0) {
                random.nextBytes(base);
            }
            byte[] page = base.clone();
            int changes = random.nextInt(50);
            for (int c = 0; c < changes; c++) {
                int at = random.nextInt(PAGE);
                int length = Math.min(PAGE - at, 1 + random.nextInt(round % 5 == 0 ? 5000 : 40));
                boolean zeros = random.nextBoolean();
                for (int i = at; i < at + length; i++) {
                    page[i] = zeros ? 0 : (byte) random.nextInt();
                }
            }
            byte[] diff = PageDiff.between(base, page);
            byte[] rebuilt = base.clone();
            PageDiff.apply(diff, rebuilt);
            assertArrayEquals(page, rebuilt, "round " + round);
            int differing = 0;
            for (int i = 0; i < PAGE; i++) {
                differing += base[i] != page[i] ? 1 : 0;
            }
            assertTrue(diff.length <= differing + 13L * changes + 13, diff.length + " bytes for " + differing + " changed");
        }
        assertEquals(0, PageDiff.between(new byte[PAGE], new byte[PAGE]).length);
    }
}
