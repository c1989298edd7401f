package io.github.mqjssandbox.wasmtools.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockStructureTest {
    private static final Instruction NOP = Instruction.of(Opcode.NOP);

    // 0 block, 1 loop, 2 br 1, 3 br 0, 4 if, 5 br 2, 6 else, 7 nop, 8 end, 9 end, 10 end, 11 br 0
    private static final List<Instruction> CODE = List.of(
            Instruction.block(BlockType.EMPTY),
            Instruction.loop(BlockType.EMPTY),
            Instruction.br(1),
            Instruction.br(0),
            Instruction.ifBlock(BlockType.EMPTY),
            Instruction.br(2),
            Instruction.of(Opcode.ELSE),
            NOP,
            Instruction.end(),
            Instruction.end(),
            Instruction.end(),
            Instruction.br(0));

    @Test
    void matchesOpenersWithEndsAndElse() {
        BlockStructure s = BlockStructure.of(CODE);
        assertEquals(10, s.endOf(0));
        assertEquals(9, s.endOf(1));
        assertEquals(8, s.endOf(4));
        assertEquals(6, s.elseOf(4));
        assertEquals(-1, s.elseOf(1));
        assertEquals(4, s.openerOf(6));
        assertEquals(0, s.openerOf(10));
    }

    @Test
    void nestingAndBranchTargets() {
        BlockStructure s = BlockStructure.of(CODE);
        assertEquals(-1, s.enclosingBlock(0));
        assertEquals(0, s.enclosingBlock(1));
        assertEquals(1, s.enclosingBlock(2));
        assertEquals(4, s.enclosingBlock(7));
        assertEquals(3, s.depth(7));
        assertEquals(0, s.depth(11));
        assertEquals(0, s.branchTarget(2, 1)); // br 1 inside loop -> outer block
        assertEquals(1, s.branchTarget(3, 0)); // br 0 inside loop -> loop header
        assertEquals(1, s.branchTarget(5, 1)); // br 1 inside if -> loop header
        assertEquals(4, s.branchTarget(5, 0)); // br 0 inside if -> past the if
        assertEquals(0, s.branchTarget(5, 2)); // br 2 inside if -> block
        assertEquals(-1, s.branchTarget(11, 0)); // br 0 at function level -> return
        assertThrows(IllegalArgumentException.class, () -> s.branchTarget(11, 1));
    }

    @Test
    void endAndElseBelongToTheirOwnBlock() {
        BlockStructure s = BlockStructure.of(CODE);
        assertEquals(4, s.enclosingBlock(6));
        assertEquals(4, s.enclosingBlock(8));
        assertEquals(0, s.enclosingBlock(10));
    }

    @Test
    void rejectsUnbalancedLists() {
        assertThrows(IllegalArgumentException.class, () -> BlockStructure.of(List.of(Instruction.end())));
        assertThrows(IllegalArgumentException.class, () -> BlockStructure.of(List.of(Instruction.loop(BlockType.EMPTY))));
        assertThrows(IllegalArgumentException.class,
                () -> BlockStructure.of(List.of(Instruction.block(BlockType.EMPTY), Instruction.of(Opcode.ELSE), Instruction.end())));
    }

    @Test
    void worksOnEveryFixtureBody() {
        for (String fixture : List.of(Fixtures.INTERP_O2, Fixtures.INTERP_O0, Fixtures.ALL_INSTRUCTIONS)) {
            WasmModule m = WasmModule.parse(Fixtures.load(fixture));
            for (int f = m.importedFunctionCount(); f < m.functionCount(); f++) {
                List<Instruction> code = m.body(f).instructions();
                BlockStructure s = BlockStructure.of(code);
                for (int i = 0; i < code.size(); i++) {
                    if (code.get(i).opcode().opensBlock()) {
                        assertEquals(Opcode.END, code.get(s.endOf(i)).opcode());
                        assertTrue(s.endOf(i) > i);
                    }
                }
            }
        }
    }
}
