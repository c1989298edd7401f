package io.github.mqjssandbox.wasmtools.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Malformed input must fail with a WasmFormatException that names the offending offset. */
class MalformedModuleTest {

    private static byte[] module(int... sectionBytes) {
        byte[] out = Arrays.copyOf(ModuleParser.HEADER, 8 + sectionBytes.length);
        for (int i = 0; i < sectionBytes.length; i++) {
            out[8 + i] = (byte) sectionBytes[i];
        }
        return out;
    }

    private static WasmFormatException fails(byte[] bytes) {
        WasmFormatException e = assertThrows(WasmFormatException.class, () -> WasmModule.parse(bytes));
        assertTrue(e.getMessage().contains("at offset " + e.offset()), e.getMessage());
        return e;
    }

    @Test
    void emptyModuleIsValid() {
        WasmModule m = WasmModule.parse(module());
        assertEquals(0, m.functionCount());
        assertEquals(8, m.encode().length);
    }

    @Test
    void badMagicAndVersion() {
        assertEquals(0, fails(new byte[] {0x00, 0x61, 0x73}).offset());
        assertEquals(0, fails(new byte[] {0x00, 0x61, 0x73, 0x6E, 1, 0, 0, 0}).offset());
        assertEquals(4, fails(new byte[] {0x00, 0x61, 0x73, 0x6D, 2, 0, 0, 0}).offset());
    }

    @Test
    void sectionSizeBeyondEnd() {
        assertEquals(8, fails(module(0x01, 0x05, 0x00)).offset());
    }

    @Test
    void truncatedSectionHeader() {
        assertEquals(9, fails(module(0x01, 0x80)).offset());
    }

    @Test
    void unknownSectionId() {
        assertEquals(8, fails(module(0x0D, 0x00)).offset());
    }

    @Test
    void outOfOrderAndDuplicateSections() {
        // export section followed by a type section
        fails(module(0x07, 0x01, 0x00, 0x01, 0x01, 0x00));
        // two type sections
        assertEquals(11, fails(module(0x01, 0x01, 0x00, 0x01, 0x01, 0x00)).offset());
    }

    @Test
    void trailingBytesInsideSection() {
        // type section claims 0 entries but is 2 bytes long; the stray byte is at 11
        assertEquals(11, fails(module(0x01, 0x02, 0x00, 0x00)).offset());
    }

    @Test
    void invalidValueTypeInTypeSection() {
        // one type: func (param 0x55) -> ()
        assertEquals(13, fails(module(0x01, 0x05, 0x01, 0x60, 0x01, 0x55, 0x00)).offset());
    }

    @Test
    void functionAndCodeCountsMustMatch() {
        fails(module(0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00));
    }

    @Test
    void badInstructionIsReportedWhenTheBodyIsDecoded() {
        // type ()->(), one function, body: 0 locals, opcode 0xFD (SIMD), end
        byte[] bytes = module(0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
                0x0A, 0x06, 0x01, 0x04, 0x00, 0xFD, 0x00, 0x0B);
        WasmModule m = WasmModule.parse(bytes);
        // Raw copying works without ever decoding the body.
        assertEquals(Arrays.toString(bytes), Arrays.toString(m.encode()));
        WasmFormatException e = assertThrows(WasmFormatException.class, () -> m.body(0).instructions());
        assertEquals(23, e.offset());
    }

    @Test
    void bodyWithTrailingBytesAfterEnd() {
        byte[] bytes = module(0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
                0x0A, 0x06, 0x01, 0x04, 0x00, 0x0B, 0x01, 0x01);
        WasmFormatException e = assertThrows(WasmFormatException.class,
                () -> WasmModule.parse(bytes).body(0).instructions());
        assertEquals(24, e.offset());
    }

    @Test
    void bodyWithoutFinalEnd() {
        byte[] bytes = module(0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
                0x0A, 0x05, 0x01, 0x03, 0x00, 0x01, 0x01);
        assertThrows(WasmFormatException.class, () -> WasmModule.parse(bytes).body(0).instructions());
    }

    @Test
    void invalidUtf8ExportName() {
        fails(module(0x07, 0x05, 0x01, 0x01, 0xC3, 0x00, 0x00));
    }

    @Test
    void truncatedFixture() {
        byte[] fixture = Fixtures.load(Fixtures.INTERP_O2);
        WasmFormatException e = fails(Arrays.copyOf(fixture, fixture.length / 2));
        assertTrue(e.offset() > 0 && e.offset() <= fixture.length / 2, e.getMessage());
    }
}
