package io.github.mqjssandbox.wasmtools;

import io.github.mqjssandbox.wasmtools.wasm.WasmFormatException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Command-line entry point: {@code roundtrip --in A --out B} and {@code stats --in A}. */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: wasm-tools roundtrip --in <module.wasm> --out <out.wasm>",
            "         decode every section and instruction, re-encode all of it, write the result",
            "       wasm-tools stats --in <module.wasm>",
            "         print the function count and the 10 largest function bodies",
            "       wasm-tools share-results --classes <dir> --buffer <pkg.Class.method> --capacity <n>",
            "         AOT classes: multi-value results through one array per instance (method: Memory -> long[])");

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Runs a command and returns the process exit code; separated from main for tests. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Map<String, String> options;
        try {
            options = parseOptions(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            switch (args[0]) {
                case "roundtrip":
                    return Roundtrip.run(require(options, "--in"), require(options, "--out"), out);
                case "meter": return io.github.mqjssandbox.wasmtools.fuel.MeterCommand.run(options, out);
                case "split": case "gate": case "profile": return io.github.mqjssandbox.wasmtools.split.SplitCommand.run(args[0], options, out, err);
                case "share-results": return io.github.mqjssandbox.wasmtools.classes.SharedResultsCommand.run(options, out, err);
                case "stats":
                    return Stats.run(require(options, "--in"), out);
                default:
                    err.println("unknown command " + args[0]);
                    err.println(USAGE_TEXT);
                    return USAGE;
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (WasmFormatException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private static Map<String, String> parseOptions(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static Path require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return Path.of(value);
    }
}
