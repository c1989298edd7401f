package io.github.mqjssandbox.wasmtools.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import io.github.mqjssandbox.wasmtools.wasm.Fixtures;
import io.github.mqjssandbox.wasmtools.wasm.Instruction;
import io.github.mqjssandbox.wasmtools.wasm.Opcode;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SplitterTest {
    private static final byte[] INTERP = Fixtures.load(SplitFixtures.SPLIT_INTERP);

    @ParameterizedTest
    @ValueSource(ints = {200, 250, 300, 500})
    void everyFunctionFitsTheBudget(int budget) {
        WasmModule original = WasmModule.parse(INTERP);
        assertTrue(original.body(4).byteSize() > 800, "fixture interpreter is big");
        WasmModule m = WasmModule.parse(INTERP);
        Splitter.Result result = Splitter.split(m, Splitter.Options.withBudget(budget));
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        assertTrue(result.newFunctions() > 0);
        assertEquals(original.functionCount() + result.newFunctions(), m.functionCount());
        for (int f = m.importedFunctionCount(); f < m.functionCount(); f++) {
            assertTrue(m.body(f).byteSize() <= budget, "function " + f + " has " + m.body(f).byteSize());
        }
        WasmModule reparsed = WasmModule.parse(m.encode());
        assertEquals(m.functionCount(), reparsed.functionCount());
        assertEquals(original.exports(), reparsed.exports());
    }

    @Test
    void tooSmallBudgetIsReportedNotLooped() {
        WasmModule m = WasmModule.parse(INTERP);
        Splitter.Result result = Splitter.split(m, Splitter.Options.withBudget(60));
        assertFalse(result.warnings().isEmpty());
        assertTrue(result.warnings().get(0).contains("function 4"), result.warnings().toString());
        assertRunsIdentically(INTERP, m.encode(), false);
    }

    @Test
    void outlinedRegionsUseExitCodesAndMultiValueResults() {
        WasmModule m = WasmModule.parse(INTERP);
        int before = m.functionCount();
        Splitter.split(m, Splitter.Options.withBudget(200));
        boolean exitCodeDispatch = false;
        for (Instruction insn : m.body(4).instructions()) {
            exitCodeDispatch |= insn.opcode() == Opcode.BR_TABLE && ((Instruction.BrTable) insn).targets().size() < 6;
        }
        boolean multiResult = false;
        for (int f = before; f < m.functionCount(); f++) {
            multiResult |= m.functionType(f).results().size() > 1;
        }
        assertTrue(exitCodeDispatch || multiResult, "caller dispatches on exit codes");
        assertTrue(multiResult, "live-out locals come back as results");
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 300})
    void splitInterpreterComputesTheSameInChicoryInterpreterAndCompiler(int budget) {
        byte[] split = SplitFixtures.split(INTERP, budget);
        assertRunsIdentically(INTERP, split, false);
        assertRunsIdentically(INTERP, split, true);
    }

    @Test
    void transferThroughGlobalsComputesTheSame() {
        Splitter.Options o = Splitter.Options.withBudget(200);
        byte[] split = SplitFixtures.split(INTERP, o.withTransfer(Splitter.Transfer.GLOBALS));
        WasmModule m = WasmModule.parse(split);
        assertTrue(m.globalCount() > 0, "transfer globals were added");
        for (int f = 0; f < m.functionCount(); f++) {
            assertTrue(m.functionType(f).results().size() <= 1, "no multi-value results in globals mode");
        }
        assertRunsIdentically(INTERP, split, true);
    }

    /** The fixture uses [0, 1024) and [2048, 2304); its scratch area goes above both. */
    private static final int FIXTURE_SCRATCH = 4096;

    @ParameterizedTest
    @ValueSource(ints = {200, 300})
    void transferThroughMemoryComputesTheSame(int budget) {
        Splitter.Options o = Splitter.Options.withBudget(budget).withTransfer(Splitter.Transfer.MEMORY)
                .withScratch(FIXTURE_SCRATCH, 1024);
        WasmModule m = WasmModule.parse(INTERP);
        int before = m.functionCount();
        Splitter.Result r = Splitter.split(m, o);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        boolean scratch = false;
        for (int f = before; f < m.functionCount(); f++) {
            for (Instruction insn : m.body(f).instructions()) {
                scratch |= insn instanceof Instruction.MemoryAccess a && a.offset() >= FIXTURE_SCRATCH;
            }
        }
        // at 300 the few regions outlined hand back at most one value each
        assertTrue(scratch || budget > 200, "live-outs go through scratch memory");
        for (int f = before; f < m.functionCount(); f++) {
            assertTrue(r.memoryFallbacks() > 0 || m.functionType(f).results().size() <= 1,
                    "single result unless a region fell back");
        }
        byte[] split = m.encode();
        assertRunsIdentically(INTERP, split, false);
        assertRunsIdentically(INTERP, split, true);
    }

    @Test
    void scratchOverflowFallsBackToMultiValueResults() {
        // one 8-byte slot: every region with two or more extra values returns them as results
        Splitter.Options o = Splitter.Options.withBudget(200).withTransfer(Splitter.Transfer.MEMORY)
                .withScratch(FIXTURE_SCRATCH, 8);
        WasmModule m = WasmModule.parse(INTERP);
        int before = m.functionCount();
        Splitter.Result r = Splitter.split(m, o);
        assertTrue(r.memoryFallbacks() > 0, "some region needs more than one slot");
        boolean multi = false;
        for (int f = before; f < m.functionCount(); f++) {
            multi |= m.functionType(f).results().size() > 1;
            for (Instruction insn : m.body(f).instructions()) {
                if (insn instanceof Instruction.MemoryAccess a && a.offset() >= FIXTURE_SCRATCH) {
                    assertEquals(FIXTURE_SCRATCH, a.offset(), "only the one slot is used");
                }
            }
        }
        assertTrue(multi);
        byte[] split = m.encode();
        assertRunsIdentically(INTERP, split, false);
        assertRunsIdentically(INTERP, split, true);
    }

    @Test
    void scratchAreaOverlappingDataOrOutsideMemoryIsRefused() {
        byte[] emscripten = Fixtures.load(Fixtures.INTERP_O2);
        Splitter.Options o = Splitter.Options.withBudget(150).withTransfer(Splitter.Transfer.MEMORY);
        IllegalArgumentException overlap = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Splitter.split(WasmModule.parse(emscripten), o.withScratch(1016, 64)));
        assertTrue(overlap.getMessage().contains("overlaps data segment"), overlap.getMessage());
        IllegalArgumentException beyond = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Splitter.split(WasmModule.parse(INTERP), o.withScratch(65536, 8)));
        assertTrue(beyond.getMessage().contains("beyond the initial memory"), beyond.getMessage());
    }

    /** Emscripten output (the existing -O2 fixture) split hard keeps computing the same. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Splitter.Transfer.class)
    void emscriptenFixtureSplitsAndRunsIdentically(Splitter.Transfer transfer) {
        byte[] original = Fixtures.load(Fixtures.INTERP_O2);
        WasmModule m = WasmModule.parse(original);
        // default scratch area [8, 1024): below Emscripten's GLOBAL_BASE
        Splitter.Result r = Splitter.split(m, Splitter.Options.withBudget(150).withTransfer(transfer));
        assertTrue(r.newFunctions() > 0);
        byte[] split = m.encode();
        Object[][] calls = {
            {"vm_sum_squares", new long[] {200}}, {"vm_host", new long[] {20, 22}}, {"fib", new long[] {20}},
            {"parity", new long[] {301}}, {"ackermann", new long[] {2, 3}}, {"fold", new long[] {0, 100}},
            {"fold", new long[] {1, 10}}, {"fold", new long[] {2, 77}}, {"mem_mix", new long[] {-3, 200}},
            {"mem_move", new long[] {10, 3, 100}}, {"float_mix", new long[] {12345}},
            {"sign_ext", new long[] {0x1280, -7}},
        };
        for (boolean compiled : new boolean[] {false, true}) {
            Instance a = SplitFixtures.instance(original, false);
            Instance b = SplitFixtures.instance(split, compiled);
            a.export("_initialize").apply();
            b.export("_initialize").apply();
            for (Object[] c : calls) {
                assertArrayEquals(a.export((String) c[0]).apply((long[]) c[1]),
                        b.export((String) c[0]).apply((long[]) c[1]), c[0] + " compiled=" + compiled);
            }
        }
    }

    private static void assertRunsIdentically(byte[] original, byte[] split, boolean compiled) {
        Instance a = SplitFixtures.instance(original, false);
        Instance b = SplitFixtures.instance(split, compiled);
        Set<Integer> distinct = new HashSet<>();
        List<String> mismatches = new ArrayList<>();
        for (int n = 0; n < 300; n += 7) {
            for (int seed = -50; seed < 400; seed += 13) {
                // as i32: Chicory's interpreter may leave bits above 32 in an i32 result
                int x = (int) a.export("run").apply(n, seed)[0];
                int y = (int) b.export("run").apply(n, seed)[0];
                distinct.add(x);
                if (x != y) {
                    mismatches.add("run(" + n + "," + seed + ")=" + x + " but split gives " + y);
                }
            }
        }
        for (int n = 0; n < 70; n++) {
            a.export("fill").apply(n);
            b.export("fill").apply(n);
            for (int i = 0; i < 64; i++) {
                assertEquals((int) a.export("peek").apply(i)[0], (int) b.export("peek").apply(i)[0], "fill(" + n + ")");
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches, e.g. " + mismatches.stream().limit(3).toList());
        assertTrue(distinct.size() > 100, "inputs exercise many paths: " + distinct.size());
    }
}
