package io.github.mqjssandbox.wasmtools.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mqjssandbox.wasmtools.wasm.BlockStructure;
import io.github.mqjssandbox.wasmtools.wasm.BlockType;
import io.github.mqjssandbox.wasmtools.wasm.FuncType;
import io.github.mqjssandbox.wasmtools.wasm.Fixtures;
import io.github.mqjssandbox.wasmtools.wasm.Instruction;
import io.github.mqjssandbox.wasmtools.wasm.Opcode;
import io.github.mqjssandbox.wasmtools.wasm.ValType;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackAnalysisTest {
    private static final WasmModule MODULE = WasmModule.parse(Fixtures.load(SplitFixtures.SPLIT_INTERP));

    @Test
    void boundariesAreWhereTheFrameStackIsEmpty() {
        List<Instruction> code = List.of(
                Instruction.i32Const(1),                      // 0: h=0 boundary
                Instruction.block(BlockType.of(ValType.I32)),  // 1: h=1
                Instruction.i32Const(2),                      // 2: h=0 in the block: boundary
                Instruction.end(),                            // 3: h=1 (result on stack)
                Instruction.of(Opcode.I32_ADD),               // 4: h=2
                Instruction.of(Opcode.DROP),                  // 5: h=1
                Instruction.of(Opcode.NOP),                   // 6: h=0 boundary
                Instruction.br(0),                            // 7: boundary
                Instruction.of(Opcode.I32_ADD));              // 8: unreachable; 9 = function end
        StackAnalysis a = new StackAnalysis(MODULE, new FuncType(List.of(), List.of()), code);
        assertEquals(List.of(0, 1, 0, 1, 2, 1, 0, 0, -1, -1), java.util.Arrays.stream(a.height).boxed().toList());
        assertTrue(a.boundary[0]);
        assertFalse(a.boundary[1]);
        assertTrue(a.boundary[2]);
        assertFalse(a.boundary[3], "block end with a result on the stack");
        assertFalse(a.boundary[4]);
        assertTrue(a.boundary[6]);
        assertFalse(a.boundary[8], "unreachable code inside a body");
        assertTrue(a.boundary[9], "unreachable end of the function body");
        assertEquals(List.of(0, 6, 7, 9), a.bodyBoundaries.get(0));
        assertEquals(List.of(2), a.bodyBoundaries.get(1));
    }

    @Test
    void livenessSeesValuesAcrossLoopIterations() {
        // local 0 is read at the top of the loop and written at its bottom: live around the back edge
        List<Instruction> code = List.of(
                Instruction.loop(BlockType.EMPTY),   // 0
                Instruction.localGet(0),            // 1
                Instruction.localSet(1),            // 2
                Instruction.i32Const(5),            // 3
                Instruction.localSet(0),            // 4
                Instruction.localGet(1),            // 5
                Instruction.brIf(0),                // 6
                Instruction.end());                 // 7
        Liveness l = new Liveness(code, BlockStructure.of(code), 2);
        assertTrue(l.isLive(0, 0));
        assertTrue(l.isLive(5, 0), "read again after the back edge");
        assertFalse(l.isLive(3, 0), "overwritten before any read");
        assertFalse(l.isLive(0, 1));
        assertTrue(l.isLive(5, 1));
        assertFalse(l.isLive(8, 0), "nothing is live at the function end");
    }
}
