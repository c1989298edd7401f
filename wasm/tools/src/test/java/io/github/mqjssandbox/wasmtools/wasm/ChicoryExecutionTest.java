package io.github.mqjssandbox.wasmtools.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves that re-encoded and rewritten modules still run in Chicory with the same results. */
class ChicoryExecutionTest {

    private static byte[] fullyReencoded(String fixture) {
        WasmModule module = WasmModule.parse(Fixtures.load(fixture));
        module.reencodeAll();
        return module.encode();
    }

    private static List<long[]> runInterp(byte[] module) {
        ChicoryRunner vm = new ChicoryRunner(module);
        vm.call("_initialize");
        List<long[]> results = new ArrayList<>();
        for (Object[] c : Fixtures.INTERP_CALLS) {
            results.add(vm.call((String) c[0], (long[]) c[1]));
        }
        return results;
    }

    private static void assertSameResults(List<long[]> expected, List<long[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "call " + Fixtures.INTERP_CALLS[i][0]);
        }
    }

    @Test
    void originalFixtureComputesKnownValues() {
        ChicoryRunner vm = new ChicoryRunner(Fixtures.load(Fixtures.INTERP_O2));
        assertEquals(328350, vm.callOne("vm_sum_squares", 100));
        assertEquals(125, vm.callOne("vm_host", 20, 22));
        assertEquals(6765, vm.callOne("fib", 20));
        assertEquals(61, vm.callOne("ackermann", 3, 3));
        assertEquals(5050, vm.callOne("fold", 0, 100));
        assertEquals(3628800, vm.callOne("fold", 1, 10));
    }

    @Test
    void fullyReencodedOptimizedModuleRunsIdentically() {
        assertSameResults(runInterp(Fixtures.load(Fixtures.INTERP_O2)), runInterp(fullyReencoded(Fixtures.INTERP_O2)));
    }

    @Test
    void fullyReencodedUnoptimizedModuleRunsIdentically() {
        assertSameResults(runInterp(Fixtures.load(Fixtures.INTERP_O0)), runInterp(fullyReencoded(Fixtures.INTERP_O0)));
    }

    @Test
    void fullyReencodedInstructionFixtureRunsIdentically() {
        ChicoryRunner a = new ChicoryRunner(Fixtures.load(Fixtures.ALL_INSTRUCTIONS));
        ChicoryRunner b = new ChicoryRunner(fullyReencoded(Fixtures.ALL_INSTRUCTIONS));
        for (long n : new long[] {0, 4, 17}) {
            assertArrayEquals(a.call("control", n), b.call("control", n));
        }
        assertArrayEquals(new long[] {4, 3}, b.call("swap", 3, 4));
        assertArrayEquals(a.call("multi", 9, 4), b.call("multi", 9, 4));
        assertArrayEquals(a.call("calls", 5), b.call("calls", 5));
        assertArrayEquals(a.call("tables", 6), b.call("tables", 6));
        assertArrayEquals(a.call("memops", 0x1234_5678), b.call("memops", 0x1234_5678));
        assertArrayEquals(a.call("i32ops", 123456789, 13), b.call("i32ops", 123456789, 13));
        assertArrayEquals(a.call("i64ops", 0x0123_4567_89AB_CDEFL, 977), b.call("i64ops", 0x0123_4567_89AB_CDEFL, 977));
        long[] floatArgs = {Float.floatToRawIntBits(2.75f), Float.floatToRawIntBits(-1.5f),
            Double.doubleToRawLongBits(1234.5678), Double.doubleToRawLongBits(-0.125)};
        assertArrayEquals(a.call("floatops", floatArgs), b.call("floatops", floatArgs));
    }

    /**
     * A miniature of the metering task: a mutable i64 global counts loop iterations; an
     * instruction sequence is inserted right after every loop header, and the counter is
     * exported so the host can read it. Returns the counter's global index.
     */
    private static int countLoopIterations(WasmModule module) {
        int counter = module.addGlobal(new Global(GlobalType.mutable(ValType.I64), List.of(Instruction.i64Const(0))));
        module.addExport(Export.global("loop_count", counter));
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            FunctionBody body = module.body(f);
            List<Instruction> out = new ArrayList<>();
            for (Instruction insn : body.instructions()) {
                out.add(insn);
                if (insn.opcode() == Opcode.LOOP) {
                    out.add(Instruction.globalGet(counter));
                    out.add(Instruction.i64Const(1));
                    out.add(Instruction.of(Opcode.I64_ADD));
                    out.add(Instruction.globalSet(counter));
                }
            }
            if (out.size() != body.instructions().size()) {
                module.setBody(f, body.withInstructions(out));
            }
        }
        return counter;
    }

    @Test
    void instrumentingLoopHeadersCountsExactIterations() {
        WasmModule module = WasmModule.parse(Fixtures.load(Fixtures.ALL_INSTRUCTIONS));
        int counter = countLoopIterations(module);
        ChicoryRunner vm = new ChicoryRunner(module.encode());
        ChicoryRunner reference = new ChicoryRunner(Fixtures.load(Fixtures.ALL_INSTRUCTIONS));
        assertArrayEquals(reference.call("control", 7), vm.call("control", 7));
        // The loop header runs once on entry and once per back edge: n + 1 times.
        assertEquals(8, vm.instance().global(counter).getValue());
    }

    @Test
    void instrumentingLoopHeadersOfEmscriptenOutputKeepsResults() {
        WasmModule module = WasmModule.parse(Fixtures.load(Fixtures.INTERP_O2));
        int counter = countLoopIterations(module);
        byte[] rewritten = module.encode();
        assertSameResults(runInterp(Fixtures.load(Fixtures.INTERP_O2)), runInterp(rewritten));
        ChicoryRunner vm = new ChicoryRunner(rewritten);
        assertEquals(5050, vm.callOne("fold", 0, 100));
        long once = vm.instance().global(counter).getValue();
        assertTrue(once > 0, "fold's loop was counted");
        vm.callOne("fold", 0, 100);
        assertEquals(2 * once, vm.instance().global(counter).getValue());
    }

    /**
     * A miniature of the splitting task: a region of a function (the whole body of
     * {@code fib}'s caller-visible wrapper) is moved into a new function that takes the
     * needed locals as parameters, and the original calls it.
     */
    @Test
    void outliningIntoANewFunctionKeepsBehaviour() {
        WasmModule module = WasmModule.parse(Fixtures.load(Fixtures.INTERP_O2));
        int fold = module.export("fold").orElseThrow().index();
        FunctionBody body = module.body(fold);
        FuncType type = module.functionType(fold);
        // Outline the entire body: the new function gets the same params and locals.
        int outlinedType = module.internType(type);
        int outlined = module.addFunction(outlinedType, FunctionBody.of(body.locals(), body.instructions()));
        List<Instruction> stub = new ArrayList<>();
        for (int p = 0; p < type.params().size(); p++) {
            stub.add(Instruction.localGet(p));
        }
        stub.add(Instruction.call(outlined));
        module.setBody(fold, FunctionBody.of(List.of(), stub));
        module.addExport(Export.function("fold_outlined", outlined));

        ChicoryRunner vm = new ChicoryRunner(module.encode());
        assertEquals(5050, vm.callOne("fold", 0, 100));
        assertEquals(3628800, vm.callOne("fold", 1, 10));
        assertEquals(77, vm.callOne("fold_outlined", 2, 77));
        assertFalse(module.isImportedFunction(outlined));
    }

    @Test
    void appendedLocalsAreUsable() {
        WasmModule module = WasmModule.parse(Fixtures.load(Fixtures.INTERP_O2));
        int fib = module.export("fib").orElseThrow().index();
        int scratch = module.appendLocal(fib, ValType.I64);
        FunctionBody body = module.body(fib);
        assertEquals(ValType.I64, body.localType(scratch - module.functionType(fib).params().size()));
        // Prefix the body with a store to and a load from the new local.
        List<Instruction> insns = new ArrayList<>(List.of(Instruction.i64Const(42), Instruction.localSet(scratch),
                Instruction.localGet(scratch), Instruction.of(Opcode.DROP)));
        insns.addAll(body.instructions());
        module.setBody(fib, body.withInstructions(insns));
        assertEquals(6765, new ChicoryRunner(module.encode()).callOne("fib", 20));
    }
}
