package io.github.mqjssandbox.wasmtools.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Leb128Test {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static ByteReader reader(int... values) {
        return new ByteReader(bytes(values));
    }

    @Test
    void unsignedCanonicalEncodings() {
        assertArrayEquals(bytes(0x00), new ByteWriter().writeU32(0).toByteArray());
        assertArrayEquals(bytes(0x7F), new ByteWriter().writeU32(127).toByteArray());
        assertArrayEquals(bytes(0x80, 0x01), new ByteWriter().writeU32(128).toByteArray());
        assertArrayEquals(bytes(0xE5, 0x8E, 0x26), new ByteWriter().writeU32(624485).toByteArray());
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x07), new ByteWriter().writeU32(Integer.MAX_VALUE).toByteArray());
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), new ByteWriter().writeU32(0xFFFF_FFFFL).toByteArray());
    }

    @Test
    void unsignedRejectsOutOfRangeValuesOnWrite() {
        assertThrows(IllegalArgumentException.class, () -> new ByteWriter().writeU32(-1));
        assertThrows(IllegalArgumentException.class, () -> new ByteWriter().writeU32(0x1_0000_0000L));
    }

    @Test
    void unsignedDecodesPaddedAndMaximalForms() {
        assertEquals(0, reader(0x80, 0x80, 0x80, 0x80, 0x00).readU32());
        assertEquals(5, reader(0x85, 0x80, 0x80, 0x80, 0x00).readU32());
        assertEquals(0xFFFF_FFFFL, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).readU32());
    }

    @Test
    void unsignedRejectsTooLongTooLargeAndTruncated() {
        assertThrows(WasmFormatException.class, () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).readU32());
        assertThrows(WasmFormatException.class, () -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x1F).readU32());
        WasmFormatException e = assertThrows(WasmFormatException.class, () -> reader(0x80, 0x80).readU32());
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("offset 0"), e.getMessage());
    }

    @Test
    void readIndexRejectsValuesAboveIntRange() {
        assertEquals(Integer.MAX_VALUE, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x07).readIndex());
        assertThrows(WasmFormatException.class, () -> reader(0x80, 0x80, 0x80, 0x80, 0x08).readIndex());
    }

    @Test
    void signed32CanonicalEncodings() {
        assertArrayEquals(bytes(0x00), new ByteWriter().writeS32(0).toByteArray());
        assertArrayEquals(bytes(0x7F), new ByteWriter().writeS32(-1).toByteArray());
        assertArrayEquals(bytes(0x3F), new ByteWriter().writeS32(63).toByteArray());
        assertArrayEquals(bytes(0xC0, 0x00), new ByteWriter().writeS32(64).toByteArray());
        assertArrayEquals(bytes(0x40), new ByteWriter().writeS32(-64).toByteArray());
        assertArrayEquals(bytes(0xBF, 0x7F), new ByteWriter().writeS32(-65).toByteArray());
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x07), new ByteWriter().writeS32(Integer.MAX_VALUE).toByteArray());
        assertArrayEquals(bytes(0x80, 0x80, 0x80, 0x80, 0x78), new ByteWriter().writeS32(Integer.MIN_VALUE).toByteArray());
    }

    @Test
    void signed64CanonicalEncodings() {
        assertArrayEquals(bytes(0x7F), new ByteWriter().writeS64(-1).toByteArray());
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00),
                new ByteWriter().writeS64(Long.MAX_VALUE).toByteArray());
        assertArrayEquals(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F),
                new ByteWriter().writeS64(Long.MIN_VALUE).toByteArray());
        assertArrayEquals(bytes(0x80, 0x80, 0x80, 0x80, 0x10), new ByteWriter().writeS64(1L << 32).toByteArray());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, -1, 63, 64, -64, -65, 127, 128, -128, 8191, 8192, -8193,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1})
    void signed32RoundTrips(int value) {
        ByteReader in = new ByteReader(new ByteWriter().writeS32(value).toByteArray());
        assertEquals(value, in.readS32());
        assertFalse(in.hasMore());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, 63, 64, -64, -65, Long.MAX_VALUE, Long.MIN_VALUE,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 32, -(1L << 32), (1L << 62) + 12345, -(1L << 62) - 1})
    void signed64RoundTrips(long value) {
        ByteReader in = new ByteReader(new ByteWriter().writeS64(value).toByteArray());
        assertEquals(value, in.readS64());
        assertFalse(in.hasMore());
    }

    @Test
    void unsignedRoundTripsAcrossByteBoundaries() {
        long[] values = {0, 1, 127, 128, 16383, 16384, 2097151, 2097152, 268435455, 268435456, 0xFFFF_FFFFL};
        for (long v : values) {
            byte[] enc = new ByteWriter().writeU32(v).toByteArray();
            assertEquals(v, new ByteReader(enc).readU32(), "value " + v);
            int expectedLength = v < 128 ? 1 : v < 16384 ? 2 : v < 2097152 ? 3 : v < 268435456 ? 4 : 5;
            assertEquals(expectedLength, enc.length, "length of " + v);
        }
    }

    @Test
    void signedDecodesPaddedForms() {
        assertEquals(-1, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x7F).readS32());
        assertEquals(0, reader(0x80, 0x80, 0x80, 0x80, 0x00).readS32());
        assertEquals(-1L, reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F).readS64());
    }

    @Test
    void signedRejectsUnusedBitsThatAreNotSignExtension() {
        // Fifth byte of an s32 may only carry bit 31's sign in its unused bits.
        assertThrows(WasmFormatException.class, () -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).readS32());
        assertThrows(WasmFormatException.class, () -> reader(0x80, 0x80, 0x80, 0x80, 0x70).readS32());
        assertThrows(WasmFormatException.class, () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).readS32());
        // Tenth byte of an s64 must be 0x00 or 0x7F.
        assertThrows(WasmFormatException.class,
                () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).readS64());
        assertThrows(WasmFormatException.class,
                () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00).readS64());
        assertThrows(WasmFormatException.class, () -> reader(0xFF).readS64());
    }

    @Test
    void signed33CoversBlockTypeIndices() {
        assertArrayEquals(bytes(0xC0, 0x00), new ByteWriter().writeS33(64).toByteArray());
        assertEquals(0xFFFF_FFFFL, new ByteReader(new ByteWriter().writeS33(0xFFFF_FFFFL).toByteArray()).readS33());
        assertEquals(-(1L << 32), new ByteReader(new ByteWriter().writeS33(-(1L << 32)).toByteArray()).readS33());
        assertThrows(IllegalArgumentException.class, () -> new ByteWriter().writeS33(1L << 32));
        assertThrows(WasmFormatException.class, () -> reader(0x80, 0x80, 0x80, 0x80, 0x20).readS33());
    }

    @Test
    void floatsKeepTheirExactBits() {
        int nanBits = 0x7FA0_0001;
        long nan64 = 0x7FF0_0000_0000_0ABCL;
        ByteWriter w = new ByteWriter().writeF32Bits(nanBits).writeF64Bits(nan64);
        assertArrayEquals(bytes(0x01, 0x00, 0xA0, 0x7F), java.util.Arrays.copyOf(w.toByteArray(), 4));
        ByteReader in = new ByteReader(w.toByteArray());
        assertEquals(nanBits, in.readF32Bits());
        assertEquals(nan64, in.readF64Bits());
    }

    @Test
    void namesMustBeUtf8() {
        assertEquals("h\u00e9", new ByteReader(new ByteWriter().writeName("h\u00e9").toByteArray()).readName());
        assertThrows(WasmFormatException.class, () -> reader(0x01, 0xFF).readName());
    }
}
