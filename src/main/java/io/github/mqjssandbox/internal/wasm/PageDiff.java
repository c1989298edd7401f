package io.github.mqjssandbox.internal.wasm;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The bytes in which one 64 KiB page differs from another, as compact runs: what a hibernating
 * memory keeps of a page instead of the page. Each run is a 2-byte offset, a 2-byte length minus
 * one (both big-endian), a kind byte, and for a literal run its bytes; a run of zeros stores none.
 */
final class PageDiff {
    /** Equal bytes between two differences below which one run covers both: a run's header is 5. */
    private static final int MERGE_GAP = 8;
    private static final int LITERAL = 0;
    private static final int ZEROS = 1;

    private PageDiff() {}

    /** The runs that turn {@code base} into {@code page}; empty when they are equal. */
    static byte[] between(byte[] base, byte[] page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < page.length) {
            int offset = Arrays.mismatch(base, at, page.length, page, at, page.length);
            if (offset < 0) {
                break;
            }
            offset += at;
            int end = runEnd(base, page, offset);
            writeRun(out, page, offset, end);
            at = end;
        }
        return out.toByteArray();
    }

    /** Where the run starting at {@code from} ends: before MERGE_GAP equal bytes, or at the page's end. */
    private static int runEnd(byte[] base, byte[] page, int from) {
        int equal = 0;
        int i = from;
        while (i < page.length && equal < MERGE_GAP) {
            equal = base[i] == page[i] ? equal + 1 : 0;
            i++;
        }
        return i - equal; // trailing equal bytes are not part of the run
    }

    private static void writeRun(ByteArrayOutputStream out, byte[] page, int offset, int end) {
        int length = end - offset;
        boolean zeros = allZero(page, offset, end);
        out.write(offset >>> 8);
        out.write(offset);
        out.write((length - 1) >>> 8);
        out.write(length - 1);
        out.write(zeros ? ZEROS : LITERAL);
        if (!zeros) {
            out.write(page, offset, length);
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes the runs into {@code page} (a copy of the base they were taken from). */
    static void apply(byte[] runs, byte[] page) {
        int at = 0;
        while (at < runs.length) {
            int offset = (runs[at] & 0xff) << 8 | runs[at + 1] & 0xff;
            int length = ((runs[at + 2] & 0xff) << 8 | runs[at + 3] & 0xff) + 1;
            int kind = runs[at + 4];
            at += 5;
            if (kind == ZEROS) {
                Arrays.fill(page, offset, offset + length, (byte) 0);
            } else {
                System.arraycopy(runs, at, page, offset, length);
                at += length;
            }
        }
    }
}
