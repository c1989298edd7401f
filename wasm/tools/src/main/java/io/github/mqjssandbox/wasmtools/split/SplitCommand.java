package io.github.mqjssandbox.wasmtools.split;

import io.github.mqjssandbox.wasmtools.ModuleFiles;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Command-line front end: {@code split --in A --out B [--max-bytes N] [--max-exits K]
 * [--profile P]}, {@code profile --in A --out B [--min-bytes N]} (instrument for a training
 * run, see {@link EntryProfiler}) and {@code gate --classes DIR [--max-bytes 8000]}.
 */
public final class SplitCommand {
    public static final int DEFAULT_SPLIT_BYTES = 4000;
    public static final int DEFAULT_GATE_BYTES = 8000;

    private SplitCommand() {
    }

    /** Runs {@code split} or {@code gate}; returns the exit code (0 ok, 1 failed, 2 usage). */
    public static int run(String command, Map<String, String> options, PrintStream out, PrintStream err) {
        try {
            switch (command) {
                case "split":
                    return split(options, out);
                case "profile":
                    return profile(options, out);
                case "gate":
                    return Gate.run(Path.of(require(options, "--classes")),
                            intOption(options, "--max-bytes", DEFAULT_GATE_BYTES), out, err);
                default:
                    throw new IllegalArgumentException("unknown command " + command);
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: wasm-tools split --in <a.wasm> --out <b.wasm> [--max-bytes N] [--max-exits K] [--profile <counts.txt>] [--transfer results|memory|globals] [--scratch-base 8] [--scratch-bytes 1016]");
            err.println("       wasm-tools profile --in <a.wasm> --out <profiling.wasm> [--min-bytes N]");
            err.println("       wasm-tools gate --classes <dir> [--max-bytes 8000]");
            return 2;
        }
    }

    private static int split(Map<String, String> options, PrintStream out) {
        Path in = Path.of(require(options, "--in"));
        Path target = Path.of(require(options, "--out"));
        Splitter.Options defaults = Splitter.Options.withBudget(intOption(options, "--max-bytes", DEFAULT_SPLIT_BYTES));
        Splitter.Options opts = new Splitter.Options(defaults.maxBytes(),
                intOption(options, "--max-exits", defaults.maxExits()),
                intOption(options, "--min-region-bytes", defaults.minRegionBytes()), defaults.maxParams(),
                options.containsKey("--transfer") ? Splitter.Transfer.parse(options.get("--transfer"))
                        : defaults.transfer(),
                intOption(options, "--scratch-base", defaults.scratchBase()),
                intOption(options, "--scratch-bytes", defaults.scratchBytes()), null);
        if (options.containsKey("--profile")) {
            opts = opts.withProfile(EntryProfile.parse(ModuleFiles.readLines(Path.of(options.get("--profile")))));
        }
        WasmModule module = ModuleFiles.readModule(in);
        Splitter.Result result = Splitter.split(module, opts);
        ModuleFiles.write(target, module.encode());
        for (Splitter.FunctionReport r : result.functions()) {
            out.printf("function %d: %d -> %d bytes, %d regions outlined%n", r.function(), r.bytesBefore(),
                    r.bytesAfter(), r.outlined());
        }
        out.printf("split: %d new functions, largest body now %d bytes (budget %d)%n", result.newFunctions(),
                largestBody(module), opts.maxBytes());
        if (opts.profile() != null) {
            out.printf("split: the training run would make %d calls to outlined code, %d of them returning "
                    + "several values%n", result.trainingCalls().calls(), result.trainingCalls().boxed());
        }
        if (result.memoryFallbacks() > 0) {
            out.printf("split: %d regions return multi-value results (more than %d scratch slots, or the "
                    + "loads/stores would make the call site too big)%n", result.memoryFallbacks(), opts.scratchBytes() / 8);
        }
        result.warnings().forEach(w -> out.println("warning: " + w));
        return result.warnings().isEmpty() ? 0 : 1;
    }

    private static int profile(Map<String, String> options, PrintStream out) {
        Path target = Path.of(require(options, "--out"));
        WasmModule module = ModuleFiles.readModule(Path.of(require(options, "--in")));
        EntryProfiler.Result result = EntryProfiler.instrument(module,
                intOption(options, "--min-bytes", DEFAULT_SPLIT_BYTES));
        ModuleFiles.write(target, module.encode());
        out.printf("profile: %d entry counters in %d functions%n", result.points(), result.functions());
        return 0;
    }

    public static int largestBody(WasmModule module) {
        int max = 0;
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            max = Math.max(max, module.body(f).byteSize());
        }
        return max;
    }

    private static String require(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v;
    }

    private static int intOption(Map<String, String> options, String name, int dflt) {
        String v = options.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got " + v);
        }
    }
}
