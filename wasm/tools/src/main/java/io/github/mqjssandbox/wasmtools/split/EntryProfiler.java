package io.github.mqjssandbox.wasmtools.split;

import io.github.mqjssandbox.wasmtools.wasm.Export;
import io.github.mqjssandbox.wasmtools.wasm.FunctionBody;
import io.github.mqjssandbox.wasmtools.wasm.Global;
import io.github.mqjssandbox.wasmtools.wasm.GlobalType;
import io.github.mqjssandbox.wasmtools.wasm.Instruction;
import io.github.mqjssandbox.wasmtools.wasm.Opcode;
import io.github.mqjssandbox.wasmtools.wasm.ValType;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Step one of profile-guided splitting: instruments the functions the splitter will cut so
 * that a training run counts how often control reaches each point where an outlined region
 * could start (every reachable {@linkplain StackAnalysis boundary} with an empty stack). A
 * region entered n times costs n calls once outlined, so these counts are what
 * {@link Splitter} needs to keep hot code in place and outline cold code.
 *
 * <p>Each point gets its own mutable i64 global, exported as
 * {@code sbx_prof_<function>_<instruction>}, incremented just before that instruction (or at
 * the end of the body). Only globals and exports are appended, so no existing index moves and
 * the instrumented module keeps the original's imports and behaviour. After the training run
 * the host writes one {@code function instruction count} line per export: an
 * {@link EntryProfile}.
 */
public final class EntryProfiler {
    public static final String EXPORT_PREFIX = "sbx_prof_";

    /** How much was instrumented. */
    public record Result(int functions, int points) {
    }

    private EntryProfiler() {
    }

    /** Instruments every defined function whose body is over {@code minBytes}, in place. */
    public static Result instrument(WasmModule module, int minBytes) {
        int functions = 0;
        int points = 0;
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            FunctionBody body = module.body(f);
            if (body.byteSize() <= minBytes) {
                continue;
            }
            List<Instruction> code = body.instructions();
            StackAnalysis stack = new StackAnalysis(module, module.functionType(f), code);
            List<Instruction> out = new ArrayList<>(code.size() * 2);
            for (int i = 0; i <= code.size(); i++) {
                if (isEntryPoint(stack, i)) {
                    int counter = module.addGlobal(new Global(GlobalType.mutable(ValType.I64),
                            List.of(Instruction.i64Const(0))));
                    module.addExport(Export.global(exportName(f, i), counter));
                    out.add(Instruction.globalGet(counter));
                    out.add(Instruction.i64Const(1));
                    out.add(Instruction.of(Opcode.I64_ADD));
                    out.add(Instruction.globalSet(counter));
                    points++;
                }
                if (i < code.size()) {
                    out.add(code.get(i));
                }
            }
            module.setBody(f, FunctionBody.of(body.locals(), out));
            functions++;
        }
        return new Result(functions, points);
    }

    /** Whether a region could start at point {@code i} and control can get there. */
    static boolean isEntryPoint(StackAnalysis stack, int i) {
        return stack.boundary[i] && stack.height[i] == 0;
    }

    static String exportName(int function, int instruction) {
        return EXPORT_PREFIX + function + "_" + instruction;
    }
}
