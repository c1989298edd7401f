package io.github.mqjssandbox.internal;

import java.io.ByteArrayOutputStream;

/**
 * Text between Java and the engine. A JS string, like a Java string, is a sequence of UTF-16
 * code units and may hold a lone surrogate; the engine keeps strings as UTF-8 in which a lone
 * surrogate is the three-byte sequence of its code point (WTF-8), and reads source text the
 * same way. Java's UTF-8 charset would turn such a surrogate into {@code ?} on the way in and
 * U+FFFD on the way out, so a script's {@code print('\ud800')} or {@code String(value)}
 * would not be what the script made; this codec keeps every code unit. Well-formed text is
 * plain UTF-8 both ways. Bytes that are not WTF-8 (the engine writes none) decode to U+FFFD.
 */
public final class EngineText {
    private EngineText() {}

    public static byte[] encode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            }
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xc0 | cp >> 6);
                out.write(0x80 | cp & 0x3f);
            } else if (cp < 0x10000) {
                out.write(0xe0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3f);
                out.write(0x80 | cp & 0x3f);
            } else {
                out.write(0xf0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3f);
                out.write(0x80 | cp >> 6 & 0x3f);
                out.write(0x80 | cp & 0x3f);
            }
        }
        return out.toByteArray();
    }

    public static String decode(byte[] b) {
        return decode(b, 0, b.length);
    }

    public static String decode(byte[] b, int offset, int length) {
        StringBuilder sb = new StringBuilder(length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int c = b[i] & 0xff;
            int n; // bytes in this sequence, 0 when malformed
            int cp;
            if (c < 0x80) {
                n = 1;
                cp = c;
            } else if (c >= 0xc2 && c < 0xe0 && continuation(b, i + 1, end)) {
                n = 2;
                cp = (c & 0x1f) << 6 | b[i + 1] & 0x3f;
            } else if (c >= 0xe0 && c < 0xf0 && continuation(b, i + 1, end) && continuation(b, i + 2, end)) {
                n = 3;
                cp = (c & 0x0f) << 12 | (b[i + 1] & 0x3f) << 6 | b[i + 2] & 0x3f;
                if (cp < 0x800) {
                    n = 0; // overlong
                }
            } else if (c >= 0xf0 && c < 0xf5 && continuation(b, i + 1, end) && continuation(b, i + 2, end)
                    && continuation(b, i + 3, end)) {
                n = 4;
                cp = (c & 0x07) << 18 | (b[i + 1] & 0x3f) << 12 | (b[i + 2] & 0x3f) << 6 | b[i + 3] & 0x3f;
                if (cp < 0x10000 || cp > 0x10ffff) {
                    n = 0;
                }
            } else {
                n = 0;
                cp = 0;
            }
            if (n == 0) {
                sb.append('\ufffd');
                i++;
            } else {
                sb.appendCodePoint(cp);
                i += n;
            }
        }
        return sb.toString();
    }

    private static boolean continuation(byte[] b, int i, int end) {
        return i < end && (b[i] & 0xc0) == 0x80;
    }
}
