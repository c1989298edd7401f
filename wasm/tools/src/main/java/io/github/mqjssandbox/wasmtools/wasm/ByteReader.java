package io.github.mqjssandbox.wasmtools.wasm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Cursor over a slice of a byte array that decodes the primitive encodings of the wasm binary
 * format. Positions are indices into the backing array; {@code originDelta} converts them to
 * offsets in the original module file so every error can point at the offending byte.
 */
public final class ByteReader {
    private final byte[] data;
    private final int end;
    private final long originDelta;
    private int pos;

    public ByteReader(byte[] data) {
        this(data, 0, data.length, 0);
    }

    /**
     * @param originDelta added to array positions when reporting offsets (use it when
     *     {@code data} is a copy of a region that started at {@code originDelta} in the file)
     */
    public ByteReader(byte[] data, int start, int end, long originDelta) {
        if (start < 0 || end > data.length || start > end) {
            throw new IllegalArgumentException("bad slice " + start + ".." + end);
        }
        this.data = data;
        this.pos = start;
        this.end = end;
        this.originDelta = originDelta;
    }

    /** Offset of the next unread byte in the original module. */
    public long offset() {
        return pos + originDelta;
    }

    /** Array index of the next unread byte. */
    public int position() {
        return pos;
    }

    public boolean hasMore() {
        return pos < end;
    }

    public int remaining() {
        return end - pos;
    }

    public WasmFormatException error(String message) {
        return new WasmFormatException(message, offset());
    }

    private WasmFormatException errorAt(String message, int at) {
        return new WasmFormatException(message, at + originDelta);
    }

    public int peekByte() {
        if (pos >= end) {
            throw error("unexpected end of input");
        }
        return data[pos] & 0xFF;
    }

    public int readByte() {
        int b = peekByte();
        pos++;
        return b;
    }

    public byte[] readBytes(int length) {
        if (length < 0 || length > remaining()) {
            throw error("length " + length + " exceeds remaining " + remaining() + " bytes");
        }
        byte[] out = new byte[length];
        System.arraycopy(data, pos, out, 0, length);
        pos += length;
        return out;
    }

    public void skip(int length) {
        if (length < 0 || length > remaining()) {
            throw error("length " + length + " exceeds remaining " + remaining() + " bytes");
        }
        pos += length;
    }

    /** Reads an unsigned LEB128 value of at most 32 bits (max 5 bytes, unused bits zero). */
    public long readU32() {
        int start = pos;
        long result = 0;
        for (int i = 0; i < 5; i++) {
            int b = readByteInLeb(start);
            if (i == 4 && (b & 0xF0) != 0) {
                throw errorAt("u32 LEB128 out of range", start);
            }
            result |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw errorAt("u32 LEB128 longer than 5 bytes", start);
    }

    /** Reads a u32 that is used as an index or count; rejects values above Integer.MAX_VALUE. */
    public int readIndex() {
        int start = pos;
        long v = readU32();
        if (v > Integer.MAX_VALUE) {
            throw errorAt("index or count " + v + " too large", start);
        }
        return (int) v;
    }

    /** Reads a signed LEB128 value of at most 32 bits. */
    public int readS32() {
        return (int) readSigned(32);
    }

    /** Reads a signed LEB128 value of at most 33 bits (used by block types). */
    public long readS33() {
        return readSigned(33);
    }

    /** Reads a signed LEB128 value of at most 64 bits. */
    public long readS64() {
        return readSigned(64);
    }

    private long readSigned(int bits) {
        int start = pos;
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        int shift = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = readByteInLeb(start);
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            boolean last = (b & 0x80) == 0;
            if (i == maxBytes - 1) {
                if (!last) {
                    throw errorAt("s" + bits + " LEB128 longer than " + maxBytes + " bytes", start);
                }
                checkSignedLastByte(b, bits - 7 * i, start, bits);
            }
            if (last) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
        throw new AssertionError("unreachable");
    }

    // The final byte may carry only `usedBits` payload bits; the rest must repeat the sign bit.
    private void checkSignedLastByte(int b, int usedBits, int start, int bits) {
        int payload = b & 0x7F;
        int signAndUnused = payload >> (usedBits - 1);
        int allOnes = (1 << (7 - usedBits + 1)) - 1;
        if (signAndUnused != 0 && signAndUnused != allOnes) {
            throw errorAt("s" + bits + " LEB128 out of range", start);
        }
    }

    private int readByteInLeb(int start) {
        if (pos >= end) {
            throw errorAt("truncated LEB128", start);
        }
        return data[pos++] & 0xFF;
    }

    public int readF32Bits() {
        if (remaining() < 4) {
            throw error("truncated f32");
        }
        int v = ByteBuffer.wrap(data, pos, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        pos += 4;
        return v;
    }

    public long readF64Bits() {
        if (remaining() < 8) {
            throw error("truncated f64");
        }
        long v = ByteBuffer.wrap(data, pos, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        pos += 8;
        return v;
    }

    /** Reads a length-prefixed name that must be valid UTF-8, as the spec requires. */
    public String readName() {
        int start = pos;
        byte[] bytes = readBytes(readIndex());
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw errorAt("name is not valid UTF-8", start);
        }
    }
}
