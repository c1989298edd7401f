package io.github.mqjssandbox.fuzz;

/**
 * The fuzz's own reading and writing of the engine's byte strings: UTF-8 in which a lone
 * surrogate of a JS string is a three-byte sequence (WTF-8). Any other malformed byte becomes
 * U+FFFD. Independent of the sandbox's codec on purpose: the reference side must not share
 * the code under test.
 */
final class Wtf8 {
    private Wtf8() {}

    static String decode(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                sb.append((char) c);
                i++;
            } else if (c >= 0xc2 && c < 0xe0 && cont(b, i + 1)) {
                sb.append((char) (((c & 0x1f) << 6) | (b[i + 1] & 0x3f)));
                i += 2;
            } else if (c >= 0xe0 && c < 0xf0 && cont(b, i + 1) && cont(b, i + 2)) {
                int cp = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
                if (cp < 0x800) {
                    sb.append('\ufffd');
                    i++;
                } else {
                    sb.append((char) cp);
                    i += 3;
                }
            } else if (c >= 0xf0 && c < 0xf5 && cont(b, i + 1) && cont(b, i + 2) && cont(b, i + 3)) {
                int cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
                if (cp < 0x10000 || cp > 0x10ffff) {
                    sb.append('\ufffd');
                    i++;
                } else {
                    sb.appendCodePoint(cp);
                    i += 4;
                }
            } else {
                sb.append('\ufffd');
                i++;
            }
        }
        return sb.toString();
    }

    /** The program text as the engine should read it: every UTF-16 code unit kept, lone surrogates too. */
    static byte[] encode(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        s.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xc0 | (cp >> 6));
                out.write(0x80 | (cp & 0x3f));
            } else if (cp < 0x10000) { // lone surrogates are code points here too
                out.write(0xe0 | (cp >> 12));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            } else {
                out.write(0xf0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3f));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            }
        });
        return out.toByteArray();
    }

    private static boolean cont(byte[] b, int i) {
        return i < b.length && (b[i] & 0xc0) == 0x80;
    }
}
