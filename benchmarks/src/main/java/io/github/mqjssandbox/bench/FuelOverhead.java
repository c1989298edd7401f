package io.github.mqjssandbox.bench;

import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Fuel metering overhead, side by side in one JVM: the same workloads in a plain and a
 * fuel-metered sandbox, warmed up, then interleaved runs; prints a markdown table of the
 * medians and their ratio (docs/limits.md).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.mqjssandbox.bench.FuelOverhead [AOT|COMPILER]</pre>
 */
public final class FuelOverhead {
    private static final int WARMUP = 8;
    private static final int RUNS = 15;
    private static final String[][] WORKLOADS = {
        {"fib(22)", "function fib(n){return n<2?n:fib(n-1)+fib(n-2)} fib(22)"},
        {"loop of 300,000 additions", "var s=0; for (var i=0;i<300000;i++) s+=i; s"},
        {"JSON parse + stringify, ~100 KB", "var a=[]; for (var i=0;i<2000;i++) a.push({id:i,name:'item'+i,"
                + "tags:['x','y'],v:i*1.5}); JSON.stringify(JSON.parse(JSON.stringify(a))).length"},
        {"string building, 20,000 appends", "var s=''; for (var i=0;i<20000;i++) s+='ab'; s.length"},
        {"regex scan of 20,000 words", "var w=[]; for (var i=0;i<20000;i++) w.push('w'+i);"
                + " w.join(' ').match(/w\\d*7\\b/g).length"},
    };

    private FuelOverhead() {}

    public static void main(String[] args) {
        Engine engine = Engine.valueOf(args.length > 0 ? args[0] : "AOT");
        SandboxConfig plainConfig = SandboxConfig.builder()
                .engine(engine).timeout(Duration.ZERO).memoryLimitBytes(64 << 20).randomSeed(1).build();
        SandboxConfig meteredConfig = plainConfig.newBuilder().fuelLimit(1L << 50).build();
        try (Sandbox plain = Sandbox.create(plainConfig); Sandbox metered = Sandbox.create(meteredConfig)) {
            System.out.println("| workload | plain | metered | ratio |");
            System.out.println("| --- | --- | --- | --- |");
            for (String[] workload : WORKLOADS) {
                String code = workload[1];
                for (int i = 0; i < WARMUP; i++) {
                    plain.eval(code);
                    metered.eval(code);
                }
                List<Long> plainNanos = new ArrayList<>();
                List<Long> meteredNanos = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    plainNanos.add(plain.eval(code).evalNanos());
                    meteredNanos.add(metered.eval(code).evalNanos());
                }
                long p = median(plainNanos);
                long m = median(meteredNanos);
                System.out.printf("| %s | %.1f ms | %.1f ms | %.2f |%n", workload[0], p / 1e6, m / 1e6, (double) m / p);
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
