package io.github.mqjssandbox.fuzz;

import io.github.mqjssandbox.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The long differential fuzz: generated and mutated programs, each run in the sandbox and
 * in the native reference, for a number of minutes or programs. Prints progress every ten
 * seconds and writes each new kind of finding, minimised, to the output directory.
 *
 * <pre>
 * bash fuzz/run.sh --minutes 60 [--programs N] [--out DIR] [--seed S] [--threads T]
 *     [--engines aot,compiler,interpreter,aot+fuel] [--mutate PERCENT] [--memory-limit BYTES]
 * </pre>
 */
public final class FuzzMain {
    private static final int MAX_FINDINGS_PER_SIGNATURE = 3;

    private final Options options;
    private final LongAdder programs = new LongAdder();
    private final Map<Verdict.Type, LongAdder> verdicts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> signatures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> perEngine = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> incomparable = new ConcurrentHashMap<>();
    private final AtomicLong findingNumber = new AtomicLong();

    record Options(long minutes, long maxPrograms, Path out, long seed, int threads, List<String> engines, int mutatePercent,
            int memoryLimit, Path nativeBinary) {}

    private FuzzMain(Options options) {
        this.options = options;
        for (Verdict.Type t : Verdict.Type.values()) {
            verdicts.put(t, new LongAdder());
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: fuzz [--minutes N] [--programs N] [--out DIR] [--seed S] [--threads T]"
                    + " [--engines aot,compiler,interpreter,aot+fuel] [--mutate PERCENT] [--memory-limit BYTES] [--native PATH]");
            System.exit(2);
            return;
        }
        int findings = new FuzzMain(options).run();
        System.exit(findings == 0 ? 0 : 1);
    }

    static Options parse(String[] args) {
        long minutes = 0;
        long programs = 0;
        Path out = Path.of("target/fuzz-findings");
        long seed = new SplittableRandom().nextLong();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<String> engines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            engines.add("aot");
        }
        engines.addAll(List.of("aot+fuel", "compiler", "interpreter"));
        int mutate = 40;
        int memoryLimit = 1 << 20;
        Path nativeBinary = NativeReference.defaultBinary();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--minutes":
                    minutes = Long.parseLong(v);
                    break;
                case "--programs":
                    programs = Long.parseLong(v);
                    break;
                case "--out":
                    out = Path.of(v);
                    break;
                case "--seed":
                    seed = Long.parseLong(v);
                    break;
                case "--threads":
                    threads = Integer.parseInt(v);
                    break;
                case "--engines":
                    engines = List.of(v.split(","));
                    engines.forEach(FuzzMain::runnerFor);
                    break;
                case "--mutate":
                    mutate = Integer.parseInt(v);
                    break;
                case "--memory-limit":
                    memoryLimit = Integer.parseInt(v);
                    break;
                case "--native":
                    nativeBinary = Path.of(v);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (minutes <= 0 && programs <= 0) {
            throw new IllegalArgumentException("give --minutes N or --programs N (or both: whichever comes first)");
        }
        if (!Files.isExecutable(nativeBinary)) {
            throw new IllegalArgumentException("the native reference is missing: run make -C wasm native (" + nativeBinary + ")");
        }
        return new Options(minutes, programs, out, seed, threads, engines, mutate, memoryLimit, nativeBinary);
    }

    private static SandboxRunnerSpec runnerFor(String name) {
        switch (name) {
            case "aot":
                return new SandboxRunnerSpec(Engine.AOT, false, Duration.ofSeconds(1));
            case "aot+fuel":
                return new SandboxRunnerSpec(Engine.AOT, true, Duration.ofSeconds(1));
            case "compiler":
                return new SandboxRunnerSpec(Engine.COMPILER, false, Duration.ofSeconds(2));
            case "interpreter":
                return new SandboxRunnerSpec(Engine.INTERPRETER, false, Duration.ofSeconds(5));
            default:
                throw new IllegalArgumentException("unknown engine " + name + " (aot, compiler, interpreter, aot+fuel)");
        }
    }

    record SandboxRunnerSpec(Engine engine, boolean metered, Duration timeout) {}

    /** The seed of program {@code index} of a run: a 64-bit mix, so that nearby indices share no draws. */
    static long programSeed(long runSeed, long index) {
        long z = runSeed + (index + 1) * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Random programs, as the property test draws them but from one seed per program. */
    static FuzzProgram randomProgram(SplittableRandom r, int mutatePercent) {
        List<FuzzProgram.Part> parts = new ArrayList<>();
        int n = r.nextInt(1, 13);
        for (int i = 0; i < n; i++) {
            parts.add(new FuzzProgram.Part(r.nextLong(), r.nextInt(0, 5)));
        }
        List<Long> mutations = new ArrayList<>();
        if (r.nextInt(100) < mutatePercent) {
            int m = r.nextInt(1, 5);
            for (int i = 0; i < m; i++) {
                mutations.add(r.nextLong());
            }
        }
        return new FuzzProgram(parts, new FuzzProgram.Part(r.nextLong(), r.nextInt(0, 5)), mutations);
    }

    int run() throws Exception {
        Files.createDirectories(options.out());
        long start = System.nanoTime();
        long deadline = options.minutes() > 0 ? start + Duration.ofMinutes(options.minutes()).toNanos() : Long.MAX_VALUE;
        System.out.printf(Locale.ROOT, "fuzz: seed %d, %d threads, engines %s, %d%% mutated, heap %d bytes, findings in %s%n",
                options.seed(), options.threads(), shares(options.engines()), options.mutatePercent(), options.memoryLimit(),
                options.out().toAbsolutePath());
        List<Thread> workers = new ArrayList<>();
        AtomicLong claimed = new AtomicLong();
        for (int w = 0; w < options.threads(); w++) {
            int id = w;
            Thread t = new Thread(() -> work(id, deadline, claimed), "fuzz-" + w);
            t.start();
            workers.add(t);
        }
        long lastReport = System.nanoTime();
        while (workers.stream().anyMatch(Thread::isAlive)) {
            for (Thread t : workers) {
                t.join(500);
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                report(start);
            }
        }
        report(start);
        System.out.println("incomparable, why: " + new TreeMap<>(incomparable));
        writeSummary(start);
        long found = findingNumber.get();
        System.out.println(found == 0 ? "fuzz: no findings" : "fuzz: " + found + " findings written to " + options.out());
        return (int) Math.min(Integer.MAX_VALUE, signatures.values().stream().mapToLong(AtomicLong::get).sum());
    }

    private void work(int id, long deadline, AtomicLong claimed) {
        Path workDir = options.out().resolve("work-" + id);
        NativeReference reference = new NativeReference(options.nativeBinary(), workDir, options.memoryLimit(),
                Duration.ofSeconds(20));
        Map<String, DifferentialRun> runs = new TreeMap<>();
        for (String name : options.engines()) {
            SandboxRunnerSpec spec = runnerFor(name);
            runs.computeIfAbsent(name, k -> new DifferentialRun(
                    new SandboxRunner(spec.engine(), spec.metered(), options.memoryLimit(), spec.timeout(), 1 << 20), reference));
        }
        while (System.nanoTime() < deadline) {
            long index = claimed.getAndIncrement();
            if (options.maxPrograms() > 0 && index >= options.maxPrograms()) {
                break;
            }
            SplittableRandom r = new SplittableRandom(programSeed(options.seed(), index));
            String engine = options.engines().get(r.nextInt(options.engines().size()));
            FuzzProgram program = randomProgram(r, options.mutatePercent());
            DifferentialRun run = runs.get(engine);
            String source = program.source();
            Verdict v = run.run(source);
            programs.increment();
            verdicts.get(v.type()).increment();
            perEngine.computeIfAbsent(engine, k -> new LongAdder()).increment();
            if (v.type() == Verdict.Type.INCOMPARABLE) {
                incomparable.computeIfAbsent(v.incomparableReason(), k -> new LongAdder()).increment();
            }
            if (v.isFinding()) {
                record(index, engine, run, program, source, v);
            }
        }
    }

    private void record(long index, String engine, DifferentialRun run, FuzzProgram program, String source, Verdict v) {
        String signature = engineClass(engine) + "-" + v.signature();
        long seen = signatures.computeIfAbsent(signature, k -> new AtomicLong()).incrementAndGet();
        System.out.printf(Locale.ROOT, "finding #%d on %s (%s): %s%n", index, engine, signature,
                v.describe().replace("\n", "\n    "));
        if (seen > MAX_FINDINGS_PER_SIGNATURE) {
            return;
        }
        String wanted = v.signature();
        Minimiser minimiser = new Minimiser(s -> {
            Verdict again = run.run(s);
            return again.isFinding() && again.signature().equals(wanted);
        }, 1500, Duration.ofMinutes(2));
        String minimal = minimiser.minimise(program);
        Verdict minimalVerdict = run.run(minimal);
        long n = findingNumber.incrementAndGet();
        Path dir = options.out().resolve(String.format(Locale.ROOT, "%03d-%s", n, signature));
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("original.js"), source.getBytes(StandardCharsets.UTF_8));
            Files.write(dir.resolve("minimised.js"), minimal.getBytes(StandardCharsets.UTF_8));
            String report = String.join("\n",
                    "engine: " + engine,
                    "program #" + index + " of seed " + options.seed() + ": " + program,
                    "",
                    "original: " + v.describe(),
                    "native:", v.reference().toString(), "sandbox:", v.sandbox().toString(),
                    "",
                    "minimised: " + minimalVerdict.describe(),
                    "native:", minimalVerdict.reference().toString(), "sandbox:", minimalVerdict.sandbox().toString(), "");
            Files.writeString(dir.resolve("report.txt"), report);
            System.out.println("  minimised to " + dir.resolve("minimised.js") + ":\n    "
                    + minimal.strip().replace("\n", "\n    "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "aot 10/13, compiler 1/13, ...": how often each engine is drawn. */
    private static String shares(List<String> engines) {
        Map<String, Integer> counts = new TreeMap<>();
        engines.forEach(e -> counts.merge(e, 1, Integer::sum));
        StringBuilder sb = new StringBuilder();
        counts.forEach((e, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(e).append(' ').append(n).append('/')
                .append(engines.size()));
        return sb.toString();
    }

    private static String engineClass(String engine) {
        return engine.replace('+', '-');
    }

    private void report(long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        long n = programs.sum();
        System.out.printf(Locale.ROOT,
                "[%6.0fs] %d programs (%.1f/s): %d match, %d incomparable, %d mismatch, %d internal, %d native crash; %s%n",
                seconds, n, n / Math.max(seconds, 1e-9), verdicts.get(Verdict.Type.MATCH).sum(),
                verdicts.get(Verdict.Type.INCOMPARABLE).sum(), verdicts.get(Verdict.Type.MISMATCH).sum(),
                verdicts.get(Verdict.Type.INTERNAL).sum(), verdicts.get(Verdict.Type.NATIVE_CRASH).sum(), perEngine);
    }

    private void writeSummary(long start) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("seed: ").append(options.seed()).append('\n');
        sb.append("seconds: ").append((System.nanoTime() - start) / 1_000_000_000L).append('\n');
        sb.append("programs: ").append(programs.sum()).append('\n');
        for (Verdict.Type t : Verdict.Type.values()) {
            sb.append(t.name().toLowerCase()).append(": ").append(verdicts.get(t).sum()).append('\n');
        }
        sb.append("per engine: ").append(perEngine).append('\n');
        sb.append("incomparable, why: ").append(new TreeMap<>(incomparable)).append('\n');
        sb.append("findings by signature:\n");
        new TreeMap<>(signatures).forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v.get()).append('\n'));
        Files.writeString(options.out().resolve("summary.txt"), sb.toString());
    }
}
