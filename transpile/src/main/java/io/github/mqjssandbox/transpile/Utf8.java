package io.github.mqjssandbox.transpile;

/** Byte lengths of text as the engine stores it (UTF-8, a lone surrogate as three bytes), without encoding it. */
final class Utf8 {
    private Utf8() {}

    static long length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
