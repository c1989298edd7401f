package io.github.mqjssandbox.wasmtools.wasm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Growable output buffer with the primitive encodings of the wasm binary format. All LEB128
 * output is canonical (minimal length), so re-encoded parts of a module are as small as possible.
 */
public final class ByteWriter {
    private byte[] buf;
    private int size;

    public ByteWriter() {
        this(64);
    }

    public ByteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public ByteWriter writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public ByteWriter writeBytes(byte[] bytes) {
        return writeBytes(bytes, 0, bytes.length);
    }

    public ByteWriter writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, size, length);
        size += length;
        return this;
    }

    /** Unsigned LEB128 of a value in 0..2^32-1. */
    public ByteWriter writeU32(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("u32 out of range: " + value);
        }
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            writeByte(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    public ByteWriter writeS32(int value) {
        return writeSigned(value);
    }

    /** Signed LEB128 of a value that must fit in 33 bits (block type indices). */
    public ByteWriter writeS33(long value) {
        if (value < -(1L << 32) || value >= (1L << 32)) {
            throw new IllegalArgumentException("s33 out of range: " + value);
        }
        return writeSigned(value);
    }

    public ByteWriter writeS64(long value) {
        return writeSigned(value);
    }

    private ByteWriter writeSigned(long value) {
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            writeByte(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    public ByteWriter writeF32Bits(int bits) {
        for (int i = 0; i < 4; i++) {
            writeByte(bits >>> (8 * i));
        }
        return this;
    }

    public ByteWriter writeF64Bits(long bits) {
        for (int i = 0; i < 8; i++) {
            writeByte((int) (bits >>> (8 * i)));
        }
        return this;
    }

    public ByteWriter writeName(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        writeU32(bytes.length);
        return writeBytes(bytes);
    }

    /** Writes {@code payload} prefixed by its length, the shape of sections and code entries. */
    public ByteWriter writeSized(byte[] payload) {
        writeU32(payload.length);
        return writeBytes(payload);
    }
}
