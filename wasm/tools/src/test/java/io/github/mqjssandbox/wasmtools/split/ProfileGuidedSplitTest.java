package io.github.mqjssandbox.wasmtools.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import io.github.mqjssandbox.wasmtools.wasm.Export;
import io.github.mqjssandbox.wasmtools.wasm.Fixtures;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileGuidedSplitTest {
    private static final byte[] INTERP = Fixtures.load(SplitFixtures.SPLIT_INTERP);
    /** The fixture's interpreter loop, function 4 ({@code run}). */
    private static final int RUN = 4;
    private static final int BUDGET = 300;

    @Test
    void instrumentedModuleComputesTheSameAndCountsEntries() {
        WasmModule m = WasmModule.parse(INTERP);
        EntryProfiler.Result result = EntryProfiler.instrument(m, BUDGET);
        assertEquals(1, result.functions(), "only run is over the budget");
        assertTrue(result.points() > 20, "every arm start is a point: " + result.points());
        Instance original = SplitFixtures.instance(INTERP, false);
        Instance profiling = SplitFixtures.instance(m.encode(), true);
        for (int n = 0; n < 50; n += 7) {
            assertEquals((int) original.export("run").apply(n, 3)[0], (int) profiling.export("run").apply(n, 3)[0]);
        }
        EntryProfile profile = EntryProfile.parse(countLines(m, profiling));
        Map<Integer, Long> counts = profile.function(RUN).orElseThrow();
        assertEquals(8L, counts.get(0), "the body's start is reached once per call");
        assertTrue(counts.values().stream().anyMatch(c -> c == 0), "some arm is never taken");
        assertTrue(counts.values().stream().anyMatch(c -> c > 8), "the loop body runs more often than run");
    }

    @Test
    void profileKeepsHotCodeInPlaceAndTheResultRunsIdentically() {
        EntryProfile training = train(INTERP);
        WasmModule guided = WasmModule.parse(INTERP);
        Splitter.Result r = Splitter.split(guided, Splitter.Options.withBudget(BUDGET).withProfile(training));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        WasmModule bySize = WasmModule.parse(INTERP);
        Splitter.split(bySize, Splitter.Options.withBudget(BUDGET));
        for (int f = guided.importedFunctionCount(); f < guided.functionCount(); f++) {
            assertTrue(guided.body(f).byteSize() <= BUDGET, "function " + f);
        }
        long guidedCalls = outlinedCalls(guided);
        long bySizeCalls = outlinedCalls(bySize);
        assertTrue(guidedCalls * 2 < bySizeCalls,
                "training workload: " + guidedCalls + " calls to outlined code with the profile, " + bySizeCalls + " without");
        assertEquals(guidedCalls, r.trainingCalls().calls(), "the splitter's own count of the training run's calls");
        assertTrue(r.trainingCalls().boxed() > 0 && r.trainingCalls().boxed() <= guidedCalls,
                "boxed calls: " + r.trainingCalls().boxed());
        Instance original = SplitFixtures.instance(INTERP, false);
        Instance split = SplitFixtures.instance(guided.encode(), true);
        for (int n = 0; n < 300; n += 11) {
            for (int seed = -20; seed < 200; seed += 17) {
                assertEquals((int) original.export("run").apply(n, seed)[0], (int) split.export("run").apply(n, seed)[0],
                        "run(" + n + ", " + seed + ")");
            }
        }
    }

    @Test
    void profileOfAnotherModuleIsRefused() {
        EntryProfile none = EntryProfile.parse(List.of("# empty"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Splitter.split(WasmModule.parse(INTERP), Splitter.Options.withBudget(BUDGET).withProfile(none)));
        assertTrue(missing.getMessage().contains("does not match function 4"), missing.getMessage());
        EntryProfile shifted = EntryProfile.parse(List.of("4 0 10", "4 1 10", "4 2 10"));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Splitter.split(WasmModule.parse(INTERP), Splitter.Options.withBudget(BUDGET).withProfile(shifted)));
        assertTrue(wrong.getMessage().contains("does not match"), wrong.getMessage());
    }

    @Test
    void costComparisonIsExactBeyondLongRange() {
        assertEquals(0, Splitter.compareProducts(6, 4, 8, 3));
        assertTrue(Splitter.compareProducts(1, 5, 2, 3) < 0);
        long big = Long.MAX_VALUE / 2;
        assertTrue(Splitter.compareProducts(big, 4000, big, 3999) > 0, "products of 2^62 x 4000 do not wrap");
        assertTrue(Splitter.compareProducts(big, 3, Long.MAX_VALUE, 1) > 0);
    }

    @Test
    void malformedProfileLinesAreReportedWithTheirNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntryProfile.parse(List.of("# header", "4 0 12", "4 x 1")));
        assertTrue(e.getMessage().startsWith("profile line 3:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EntryProfile.parse(List.of("4 0 -1")));
        assertThrows(IllegalArgumentException.class, () -> EntryProfile.parse(List.of("4 0")));
    }

    /** The training run: the fixture's inputs through the instrumented module. */
    private static EntryProfile train(byte[] module) {
        WasmModule m = WasmModule.parse(module);
        EntryProfiler.instrument(m, BUDGET);
        Instance instance = SplitFixtures.instance(m.encode(), true);
        runWorkload(instance);
        return EntryProfile.parse(countLines(m, instance));
    }

    private static void runWorkload(Instance instance) {
        for (int n = 0; n < 120; n += 5) {
            instance.export("run").apply(n, n * 31 + 7);
        }
    }

    /** How often the workload calls functions the splitter created (their entry counts). */
    private static long outlinedCalls(WasmModule split) {
        int original = WasmModule.parse(INTERP).functionCount();
        WasmModule counted = WasmModule.parse(split.encode());
        EntryProfiler.instrument(counted, 0);
        Instance instance = SplitFixtures.instance(counted.encode(), true);
        runWorkload(instance);
        long calls = 0;
        for (int f = original; f < split.functionCount(); f++) {
            calls += instance.exports().global(EntryProfiler.exportName(f, 0)).getValue();
        }
        return calls;
    }

    /** What a training host writes: one line per counter export. */
    private static List<String> countLines(WasmModule instrumented, Instance instance) {
        List<String> lines = new ArrayList<>();
        for (Export e : instrumented.exports()) {
            if (e.name().startsWith(EntryProfiler.EXPORT_PREFIX)) {
                String[] parts = e.name().substring(EntryProfiler.EXPORT_PREFIX.length()).split("_");
                lines.add(parts[0] + " " + parts[1] + " " + instance.exports().global(e.name()).getValue());
            }
        }
        return lines;
    }
}
