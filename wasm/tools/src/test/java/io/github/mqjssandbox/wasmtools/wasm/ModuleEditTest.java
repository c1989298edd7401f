package io.github.mqjssandbox.wasmtools.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Adding types, functions, globals and exports, including into modules that lack those sections. */
class ModuleEditTest {

    @Test
    void buildsAModuleFromAnEmptyOne() {
        WasmModule m = WasmModule.parse(ModuleParser.HEADER.clone());
        int type = m.internType(FuncType.of(List.of(ValType.I32), List.of(ValType.I32)));
        assertEquals(type, m.internType(FuncType.of(List.of(ValType.I32), List.of(ValType.I32))));
        int g = m.addGlobal(new Global(GlobalType.mutable(ValType.I32), List.of(Instruction.i32Const(5))));
        int f = m.addFunction(type, FunctionBody.of(List.of(new LocalGroup(1, ValType.I32)), List.of(
                Instruction.localGet(0), Instruction.globalGet(g), Instruction.of(Opcode.I32_ADD),
                Instruction.localTee(1), Instruction.globalSet(g), Instruction.localGet(1))));
        m.addExport(Export.function("acc", f));
        m.addExport(Export.global("total", g));

        byte[] bytes = m.encode();
        WasmModule reparsed = WasmModule.parse(bytes);
        assertEquals(List.of(SectionId.TYPE, SectionId.FUNCTION, SectionId.GLOBAL, SectionId.EXPORT, SectionId.CODE),
                reparsed.sections().stream().map(Section::id).collect(Collectors.toList()));
        ChicoryRunner vm = new ChicoryRunner(bytes);
        assertEquals(15, vm.callOne("acc", 10));
        assertEquals(18, vm.callOne("acc", 3));
    }

    @Test
    void newSectionsGoBeforeLaterSectionsAndAfterLeadingCustomOnes() {
        // Module with a custom section, a memory section and a trailing custom section.
        byte[] input = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
            0x00, 0x03, 0x01, 'a', 0x07,
            0x05, 0x03, 0x01, 0x00, 0x01,
            0x00, 0x02, 0x01, 'z'};
        WasmModule m = WasmModule.parse(input);
        assertArrayEquals(input, m.encode());
        int t = m.addType(FuncType.of(List.of(), List.of()));
        m.addFunction(t, FunctionBody.of(List.of(), List.of()));
        WasmModule out = WasmModule.parse(m.encode());
        assertEquals(List.of(SectionId.CUSTOM, SectionId.TYPE, SectionId.FUNCTION, SectionId.MEMORY,
                SectionId.CODE, SectionId.CUSTOM),
                out.sections().stream().map(Section::id).collect(Collectors.toList()));
        assertEquals("z", out.sections().get(5).customName());
    }

    @Test
    void globalsAppendAfterImportedOnes() {
        // One imported global: (import "m" "g" (global i32))
        byte[] input = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
            0x02, 0x08, 0x01, 0x01, 'm', 0x01, 'g', 0x03, 0x7F, 0x00};
        WasmModule m = WasmModule.parse(input);
        assertEquals(1, m.importedGlobalCount());
        assertEquals(GlobalType.immutable(ValType.I32), m.globalType(0));
        int g = m.addGlobal(new Global(GlobalType.mutable(ValType.F64), List.of(new Instruction.F64Const(0))));
        assertEquals(1, g);
        assertEquals(GlobalType.mutable(ValType.F64), m.globalType(1));
        WasmModule out = WasmModule.parse(m.encode());
        assertEquals(m.globals(), out.globals());
    }

    @Test
    void rejectsInvalidEdits() {
        WasmModule m = WasmModule.parse(Fixtures.load(Fixtures.INTERP_O2));
        assertThrows(IllegalArgumentException.class, () -> m.body(0));
        assertThrows(IllegalArgumentException.class, () -> m.setBody(0, FunctionBody.of(List.of(), List.of())));
        assertThrows(IndexOutOfBoundsException.class, () -> m.body(m.functionCount()));
        assertThrows(IllegalArgumentException.class, () -> m.addFunction(m.types().size(), FunctionBody.of(List.of(), List.of())));
        assertThrows(IllegalArgumentException.class, () -> m.addExport(Export.function("fib", 1)));
    }

    @Test
    void changingOnlyLocalsKeepsTheOriginalCodeBytes() {
        WasmModule m = WasmModule.parse(Fixtures.load(Fixtures.INTERP_O2));
        int fib = m.export("fib").orElseThrow().index();
        FunctionBody before = m.body(fib);
        FunctionBody grown = before.withAppendedLocals(ValType.F32, 3);
        byte[] a = before.encode();
        byte[] b = grown.encode();
        // Code bytes after the locals are identical.
        byte[] codeA = java.util.Arrays.copyOfRange(a, a.length - 20, a.length);
        byte[] codeB = java.util.Arrays.copyOfRange(b, b.length - 20, b.length);
        assertArrayEquals(codeA, codeB);
        assertEquals(before.localCount() + 3, grown.localCount());
        assertEquals(before.instructions(), grown.instructions());
    }
}
