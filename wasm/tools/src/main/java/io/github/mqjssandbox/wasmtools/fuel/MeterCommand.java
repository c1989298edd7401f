package io.github.mqjssandbox.wasmtools.fuel;

import io.github.mqjssandbox.wasmtools.ModuleFiles;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/**
 * The {@code meter} command: {@code meter --in A.wasm --out B.wasm [--initial-fuel N]
 * [--split-br-if true] [--counter auto|cached|hybrid] [--storage global|memory]
 * [--entry-checks callers|cycles] [--dispatch-cap N] [--fold-cap N]}. Prints the size growth, in total
 * and of the worst function.
 */
public final class MeterCommand {
    /** Functions smaller than this are left out of the relative "max growth" figure. */
    static final int GROWTH_MIN_BYTES = 1024;
    /** A flat dispatch price or a folded if over-charges by up to its cap: keep caps small. */
    static final long MAX_CAP = 1024;
    private static final Set<String> OPTIONS = Set.of("--in", "--out", "--initial-fuel", "--split-br-if", "--counter",
            "--storage", "--entry-checks", "--dispatch-cap", "--fold-cap");

    private MeterCommand() {
    }

    public static int run(Map<String, String> options, PrintStream out) {
        for (String key : options.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown option " + key + " for meter");
            }
        }
        Path in = Path.of(require(options, "--in"));
        Path outPath = Path.of(require(options, "--out"));
        FuelMeter.Options opts = new FuelMeter.Options(parseFuel(options.getOrDefault("--initial-fuel", "0")),
                Boolean.parseBoolean(options.getOrDefault("--split-br-if", "false")),
                FuelMeter.CounterPlacement.valueOf(options.getOrDefault("--counter", "auto").toUpperCase(java.util.Locale.ROOT)),
                FuelMeter.Storage.valueOf(options.getOrDefault("--storage", "global").toUpperCase(java.util.Locale.ROOT)),
                FuelMeter.EntryChecks.valueOf(options.getOrDefault("--entry-checks", "callers")
                        .toUpperCase(java.util.Locale.ROOT)),
                parseCap("--dispatch-cap", options.getOrDefault("--dispatch-cap",
                        Long.toString(FuelMeter.DEFAULT_DISPATCH_CAP))),
                parseCap("--fold-cap", options.getOrDefault("--fold-cap", Long.toString(FuelMeter.DEFAULT_FOLD_CAP))));
        WasmModule module = ModuleFiles.readModule(in);
        FuelMeter.Report report = FuelMeter.meter(module, opts);
        byte[] bytes = module.encode();
        ModuleFiles.write(outPath, bytes);
        long before = report.bytesBefore();
        long after = report.bytesAfter();
        out.printf("metered %d functions; code %d -> %d bytes (+%.1f%%); counter %s; global %s=%d; "
                + "entry checks in %d functions; %d br_table arms charged with their br_table (cap %d); "
                + "%d ifs charged with the code before them (cap %d)%n",
                report.functions().size(), before, after, 100.0 * (after - before) / Math.max(1, before),
                report.fuelGlobal() < 0 ? "in memory at " + FuelMeter.FUEL_ADDRESS
                        : "global " + FuelMeter.FUEL_GLOBAL + "=" + report.fuelGlobal(),
                FuelMeter.TRAPPED_GLOBAL, report.trappedGlobal(), report.entryChecks(), report.dispatchArms(),
                opts.dispatchCap(), report.foldedIfs(), opts.foldCap());
        FuelMeter.FunctionReport worst = report.maxGrowth(GROWTH_MIN_BYTES);
        if (worst != null) {
            out.printf("max growth (functions >= %d bytes): +%.1f%% in function %d (%d -> %d bytes)%n",
                    GROWTH_MIN_BYTES, 100 * worst.growth(), worst.functionIndex(), worst.bytesBefore(),
                    worst.bytesAfter());
        }
        FuelMeter.FunctionReport worstAll = report.maxGrowth(0);
        FuelMeter.FunctionReport worstAbs = report.functions().stream()
                .max(Comparator.comparingInt(f -> f.bytesAfter() - f.bytesBefore())).orElse(null);
        if (worstAll != null) {
            out.printf("max growth (all functions): +%.1f%% in function %d (%d -> %d bytes); "
                    + "max absolute: +%d bytes in function %d%n", 100 * worstAll.growth(),
                    worstAll.functionIndex(), worstAll.bytesBefore(), worstAll.bytesAfter(),
                    worstAbs.bytesAfter() - worstAbs.bytesBefore(), worstAbs.functionIndex());
        }
        out.printf("wrote %s (%d bytes)%n", outPath, bytes.length);
        return 0;
    }

    static long parseCap(String option, String text) {
        try {
            long cap = Long.parseLong(text);
            if (cap >= 0 && cap <= MAX_CAP) {
                return cap;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be an integer from 0 to " + MAX_CAP + ": " + text);
    }

    /** Accepts plain integers and decimal/scientific notation such as 9e18. */
    static long parseFuel(String text) {
        try {
            return new BigDecimal(text).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("--initial-fuel must be an integer in i64 range: " + text);
        }
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }
}
