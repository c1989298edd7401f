package io.github.mqjssandbox.internal.wasm;

import static io.github.mqjssandbox.internal.wasm.PagedMemoryTest.WIDTHS;
import static io.github.mqjssandbox.internal.wasm.PagedMemoryTest.assertSameContents;
import static io.github.mqjssandbox.internal.wasm.PagedMemoryTest.assertTraps;
import static io.github.mqjssandbox.internal.wasm.PagedMemoryTest.load;
import static io.github.mqjssandbox.internal.wasm.PagedMemoryTest.randomOp;
import static io.github.mqjssandbox.internal.wasm.PagedMemoryTest.store;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FlatMemory holds the same bytes and traps in the same places as PagedMemory, images included. */
class FlatMemoryTest {
    private static final int PAGE = 65536;

    /** A template's image: random data in pages 1 and 3 of 6. */
    private static MemoryImage image(Random random) {
        PagedMemory template = new PagedMemory(new MemoryLimits(6, 6));
        byte[] data = new byte[PAGE + 100];
        random.nextBytes(data);
        template.write(PAGE - 50, data);
        template.write(3 * PAGE + 7, data, 0, 1000);
        return template.freeze();
    }

    @Test
    void randomOperationsFromAnImageMatchPagedMemory() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            MemoryImage image = image(random);
            PagedMemory paged = new PagedMemory(new MemoryLimits(6, 6), image);
            FlatMemory flat = new FlatMemory(new MemoryLimits(6, 6), image);
            assertSameContents(paged, flat, "copied from the image");
            StringBuilder history = new StringBuilder();
            for (int step = 0; step < 60; step++) {
                PagedMemoryTest.Op op = randomOp(random, 6 * PAGE);
                history.append(op.what).append("; ");
                op.action.accept(paged);
                op.action.accept(flat);
                assertSameContents(paged, flat, history.toString());
            }
            assertEquals(6, flat.ownedPages(), "one array holds every page");
        }
    }

    @Test
    void everyAccessTrapsWherePagedMemoryTraps() {
        FlatMemory flat = new FlatMemory(new MemoryLimits(2, 2));
        int end = 2 * PAGE;
        for (int width : WIDTHS) {
            for (int address : new int[] {end - width + 1, end, Integer.MAX_VALUE, -1, 0xFFFF_0000}) {
                assertTraps(() -> load(flat, width, address), "load" + width + " at " + address);
                assertTraps(() -> store(flat, width, address, -1L), "store" + width + " at " + address);
            }
            store(flat, width, end - width, -1L);
            assertEquals(width == 8 ? -1L : (1L << (8 * width)) - 1, load(flat, width, end - width));
        }
        assertTraps(() -> flat.readBytes(end - 1, 2), "readBytes");
        assertTraps(() -> flat.fill((byte) 1, end - 1, end + 1), "fill");
        assertTraps(() -> flat.copy(end - 1, 0, 2), "copy");
        assertTraps(() -> flat.write(end - 2, new byte[] {1, 2, 3}), "write");
        assertEquals(-1, flat.readShort(end - 2), "a trapping write wrote nothing");
    }

    @Test
    void growKeepsTheBytesAndStopsAtTheMaximum() {
        FlatMemory flat = new FlatMemory(new MemoryLimits(1, 3));
        flat.writeLong(PAGE - 8, 0x0102030405060708L);
        assertEquals(1, flat.grow(2));
        assertEquals(-1, flat.grow(1));
        assertEquals(0x0102030405060708L, flat.readLong(PAGE - 8));
        flat.writeI32(3 * PAGE - 4, 9);
        assertEquals(9, flat.readInt(3 * PAGE - 4));
    }

    @Test
    void restoreMakesItACopyOfTheImageAgain() {
        Random random = new Random(3);
        MemoryImage image = image(random);
        FlatMemory flat = new FlatMemory(new MemoryLimits(6, 8), image);
        byte[] fresh = flat.readBytes(0, 6 * PAGE);
        for (int step = 0; step < 40; step++) {
            randomOp(random, 6 * PAGE).action.accept(flat);
        }
        flat.grow(2);
        flat.restore(image);
        assertEquals(6, flat.pages());
        assertArrayEquals(fresh, flat.readBytes(0, 6 * PAGE));
    }

    @Test
    void hibernateKeepsOnlyDifferencesAndThawLosesNoByte() {
        Random random = new Random(5);
        for (int round = 0; round < 10; round++) {
            MemoryImage image = image(random);
            FlatMemory flat = new FlatMemory(new MemoryLimits(6, 8), image);
            for (int step = 0; step < 20; step++) {
                randomOp(random, 6 * PAGE).action.accept(flat);
            }
            if (round % 2 == 0) {
                flat.grow(1);
                flat.writeLong(6 * PAGE + 8, random.nextLong());
            }
            byte[] before = flat.readBytes(0, flat.pages() * PAGE);
            flat.hibernate(image);
            assertTrue(flat.hibernating());
            assertEquals(0, flat.ownedPages(), "the array is gone");
            assertTrue(flat.foldedBytes() < (long) flat.pages() * PAGE);
            assertThrows(RuntimeException.class, () -> flat.readInt(PAGE), "a forgotten thaw traps");
            assertTraps(() -> flat.readBytes(0, 8), "bulk reads trap too");
            flat.thaw();
            assertArrayEquals(before, flat.readBytes(0, flat.pages() * PAGE), "round " + round);
        }
    }

    @Test
    void multiValueResultsGoThroughTheMemorysOwnArray() {
        FlatMemory flat = new FlatMemory(new MemoryLimits(1, 1));
        assertTrue(SandboxMemory.sharedResults(flat) == SandboxMemory.sharedResults(flat));
        assertTrue(SandboxMemory.sharedResults(flat) != SandboxMemory.sharedResults(new FlatMemory(new MemoryLimits(1, 1))));
    }
}
