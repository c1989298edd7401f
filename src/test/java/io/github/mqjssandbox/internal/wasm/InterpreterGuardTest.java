package io.github.mqjssandbox.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Syntax errors are raised deep in the parser with longjmp, which unwinds nested interpreted
 * wasm frames with a Java exception. Without the unwind guard, Chicory's interpreter keeps
 * their operands and frames, and later evaluations in the same instance go wrong.
 */
class InterpreterGuardTest {
    private static final String DEEP_SYNTAX_ERROR = "var x = [[[[[[[[{a: (((((((1 + )))))))}]]]]]]]];";

    private static final List<com.dylibso.chicory.runtime.Machine> MACHINES = new ArrayList<>();

    /**
     * Alternates deep syntax errors with arithmetic; collects what the engine reports and the
     * interpreter's operand stack height after each round.
     */
    private static List<String> run(LoadedModule loaded, List<Integer> heights) {
        EngineInstance engine = EngineInstance.create(loaded, 1 << 20, 1 << 16, HostCalls.NONE);
        com.dylibso.chicory.runtime.Machine machine = MACHINES.get(MACHINES.size() - 1);
        List<String> observed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RawOutcome error = engine.eval(DEEP_SYNTAX_ERROR.getBytes(StandardCharsets.UTF_8), "<test>");
            RawOutcome sum = engine.eval(("(" + i + " * 3) + 1").getBytes(StandardCharsets.UTF_8), "<test>");
            observed.add(error.status() + " " + error.errorName() + " | " + sum.status() + " " + sum.valueJson());
            heights.add((int) ((GuardedInterpreterMachine) machine).mark()); // low half: operand height
        }
        return observed;
    }

    private static LoadedModule guardedInterpreter() {
        return new LoadedModule(ModuleRegistry.parseShippedModule(), instance -> {
            com.dylibso.chicory.runtime.Machine machine = new GuardedInterpreterMachine(instance);
            MACHINES.add(machine);
            return machine;
        });
    }

    private static List<String> expected() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add("SYNTAX SyntaxError | OK " + (i * 3 + 1));
        }
        return expected;
    }

    @Test
    void guardedInterpreterStaysCorrectAndBalancedAfterLongjmps() {
        List<Integer> heights = new ArrayList<>();
        assertEquals(expected(), run(guardedInterpreter(), heights));
        assertEquals(1, heights.stream().distinct().count(), "operand stack height stays constant: " + heights);
    }

    /** Runs the minimal longjmp module of src/test/resources/abi under the given machine. */
    private static long[] runLongjmpModule(java.util.function.Function<Instance, Machine> machine) throws Exception {
        WasmModule module;
        try (var in = InterpreterGuardTest.class.getResourceAsStream("/abi/longjmp-operands.wasm")) {
            module = Parser.parse(in);
        }
        EmscriptenAbi abi = new EmscriptenAbi();
        Instance instance = Instance.builder(module)
                .withImportValues(new SandboxImports(abi, HostCalls.NONE).resolve(module))
                .withMachineFactory(machine)
                .build();
        abi.bind(instance);
        long result = instance.export("run").apply(5)[0];
        long threw = instance.export("threw").apply()[0];
        return new long[] {result, threw};
    }

    @Test
    void trampolineReturnsZeroWithTheCallersOperandsIntact() throws Exception {
        assertArrayEquals(new long[] {100, 1}, runLongjmpModule(GuardedInterpreterMachine::new));
    }

    /**
     * Without the guard the operands the unwound frames pushed (7, 8) stay on the interpreter's
     * value stack, and the caller adds its 100 to a stale 8 instead: silently wrong results.
     */
    @Test
    void withoutTheGuardTheCallerComputesWithStaleOperands() throws Exception {
        long[] unguarded = runLongjmpModule(InterpreterMachine::new);
        assertEquals(1, unguarded[1], "the longjmp was taken");
        assertNotEquals(100, unguarded[0],
                "if this fails, Chicory's interpreter no longer leaks operands on unwind and the guard may go");
    }

    @Test
    void compiledCodeNeedsNoGuard() throws Exception {
        assertArrayEquals(new long[] {100, 1},
                runLongjmpModule(com.dylibso.chicory.compiler.MachineFactoryCompiler::compile));
    }
}
