package io.github.mqjssandbox.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTextTest {
    @Test
    void wellFormedTextIsPlainUtf8BothWays() {
        for (String s : List.of("", "ascii", "\u00e9t\u00e9", "\u4e2d\u6587", "\ud83d\ude00", "nul\u0000", "\uffff\u0800\u07ff")) {
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), EngineText.encode(s), s);
            assertEquals(s, EngineText.decode(s.getBytes(StandardCharsets.UTF_8)), s);
        }
    }

    @Test
    void aLoneSurrogateIsTheThreeBytesOfItsCodePoint() {
        assertArrayEquals(new byte[] {'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80, 'b'}, EngineText.encode("a\ud800b"));
        assertArrayEquals(new byte[] {(byte) 0xed, (byte) 0xb0, (byte) 0x80}, EngineText.encode("\udc00"));
        for (String s : List.of("\ud800", "\udfff", "x\udc00\ud800y", "\ud800\ud800\udc00", "\ud83d")) {
            assertEquals(s, EngineText.decode(EngineText.encode(s)), s);
        }
    }

    @Test
    void bytesThatAreNotWtf8DecodeToReplacementCharacters() {
        assertEquals("\ufffd", EngineText.decode(new byte[] {(byte) 0xc0, (byte) 0x80}).substring(0, 1), "overlong NUL");
        assertEquals("a\ufffd\ufffd", EngineText.decode(new byte[] {'a', (byte) 0xf0, (byte) 0x9f}), "cut off: one per byte");
        assertEquals("\ufffd\ufffd\ufffd\ufffd", EngineText.decode(new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                "above U+10FFFF");
        assertEquals("b", EngineText.decode(new byte[] {'a', 'b', 'c'}, 1, 1));
    }
}
