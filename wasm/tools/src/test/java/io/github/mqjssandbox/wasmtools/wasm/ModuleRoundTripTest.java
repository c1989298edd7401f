package io.github.mqjssandbox.wasmtools.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ModuleRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.INTERP_O2, Fixtures.INTERP_O0, Fixtures.ALL_INSTRUCTIONS})
    void identityRewriteIsByteIdentical(String fixture) {
        byte[] original = Fixtures.load(fixture);
        assertArrayEquals(original, WasmModule.parse(original).encode());
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.INTERP_O2, Fixtures.INTERP_O0, Fixtures.ALL_INSTRUCTIONS})
    void identityRewriteStaysIdenticalAfterDecodingEveryBody(String fixture) {
        byte[] original = Fixtures.load(fixture);
        WasmModule module = WasmModule.parse(original);
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            assertTrue(module.body(f).instructions() != null);
            // Re-setting the same original body object must not force a re-encode of it.
            module.setBody(f, module.body(f));
        }
        assertArrayEquals(original, module.encode());
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.INTERP_O2, Fixtures.INTERP_O0, Fixtures.ALL_INSTRUCTIONS})
    void fullReencodePreservesEveryDecodedPart(String fixture) {
        WasmModule original = WasmModule.parse(Fixtures.load(fixture));
        WasmModule copy = WasmModule.parse(Fixtures.load(fixture));
        copy.reencodeAll();
        WasmModule reparsed = WasmModule.parse(copy.encode());
        assertEquals(original.types(), reparsed.types());
        assertEquals(original.imports(), reparsed.imports());
        assertEquals(original.globals(), reparsed.globals());
        assertEquals(original.exports(), reparsed.exports());
        assertEquals(original.functionCount(), reparsed.functionCount());
        for (int f = original.importedFunctionCount(); f < original.functionCount(); f++) {
            assertEquals(original.functionTypeIndex(f), reparsed.functionTypeIndex(f));
            assertEquals(original.body(f).locals(), reparsed.body(f).locals());
            assertEquals(original.body(f).instructions(), reparsed.body(f).instructions(), "function " + f);
        }
        for (int s = 0; s < original.sections().size(); s++) {
            Section a = original.sections().get(s);
            Section b = reparsed.sections().get(s);
            assertEquals(a.id(), b.id());
            if (!isModeled(a.id())) {
                assertArrayEquals(a.payload(), b.payload(), "raw section " + a);
            }
        }
    }

    private static boolean isModeled(SectionId id) {
        return EnumSet.of(SectionId.TYPE, SectionId.IMPORT, SectionId.FUNCTION, SectionId.GLOBAL,
                SectionId.EXPORT, SectionId.CODE).contains(id);
    }

    @Test
    void fullReencodeOfCanonicalInputIsByteIdentical() {
        // wat2wasm writes canonical LEB128s, so our canonical encoder must reproduce it exactly.
        byte[] original = Fixtures.load(Fixtures.ALL_INSTRUCTIONS);
        WasmModule module = WasmModule.parse(original);
        module.reencodeAll();
        assertArrayEquals(original, module.encode());
    }

    @Test
    void fullReencodeShrinksPaddedLinkerOutput() {
        byte[] original = Fixtures.load(Fixtures.INTERP_O0);
        WasmModule module = WasmModule.parse(original);
        module.reencodeAll();
        byte[] out = module.encode();
        assertTrue(out.length < original.length, out.length + " < " + original.length);
    }

    @Test
    void allInstructionsFixtureCoversEveryOpcodeExceptTailCalls() {
        WasmModule module = WasmModule.parse(Fixtures.load(Fixtures.ALL_INSTRUCTIONS));
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            module.body(f).instructions().forEach(i -> seen.add(i.opcode()));
        }
        module.globals().forEach(g -> g.init().forEach(i -> seen.add(i.opcode())));
        Set<Opcode> missing = EnumSet.complementOf(EnumSet.copyOf(seen));
        assertEquals(EnumSet.of(Opcode.RETURN_CALL, Opcode.RETURN_CALL_INDIRECT), missing);
    }

    @Test
    void changingOneBodyKeepsOtherBodiesAndSectionsVerbatim() {
        byte[] original = Fixtures.load(Fixtures.INTERP_O0);
        WasmModule module = WasmModule.parse(original);
        int target = module.functionCount() - 1;
        FunctionBody body = module.body(target);
        module.setBody(target, body.decoded());
        byte[] out = module.encode();
        assertNotEquals(original.length, 0);
        WasmModule reparsed = WasmModule.parse(out);
        for (int f = module.importedFunctionCount(); f < target; f++) {
            assertArrayEquals(module.body(f).encode(), reparsed.body(f).encode(), "function " + f);
        }
        for (int s = 0; s < module.sections().size(); s++) {
            if (module.sections().get(s).id() != SectionId.CODE) {
                assertArrayEquals(module.sections().get(s).payload(), reparsed.sections().get(s).payload());
            }
        }
        assertEquals(body.instructions(), reparsed.body(target).instructions());
    }

    @Test
    void namesComeFromTheNameSection() {
        WasmModule module = WasmModule.parse(Fixtures.load(Fixtures.INTERP_O2));
        List<String> names = new java.util.ArrayList<>();
        for (int f = 0; f < module.functionCount(); f++) {
            module.functionName(f).ifPresent(names::add);
        }
        assertTrue(names.contains("fib"), names.toString());
        assertTrue(names.contains("host_add"), names.toString());
        assertEquals("host_add", module.functionName(0).orElseThrow());
    }

    @Test
    void importsAreModeledAndCounted() {
        WasmModule module = WasmModule.parse(Fixtures.load(Fixtures.INTERP_O2));
        assertEquals(1, module.importedFunctionCount());
        Import imp = module.imports().get(0);
        assertEquals("env", imp.module());
        assertEquals("host_add", imp.name());
        assertEquals(FuncType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)), module.functionType(0));
        assertTrue(module.isImportedFunction(0));
    }
}
