package io.github.mqjssandbox.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.FuelExhaustedException;
import io.github.mqjssandbox.HostFunctionError;
import io.github.mqjssandbox.HostFunctionException;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.LimitExceededException;
import io.github.mqjssandbox.MemoryLimitException;
import io.github.mqjssandbox.OutputLimitException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.SandboxException;
import io.github.mqjssandbox.SandboxInternalException;
import io.github.mqjssandbox.ScriptTimeoutException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The soak: many evaluations on several threads, ordinary scripts mixed with every kind of
 * limit hit and error, each outcome checked; then the JVM heap after GC (flat from the first
 * to the last quarter) and the thread count (back to where it started, bounded meanwhile).
 * Exits 1 if any check fails. Run with {@code soak/run.sh [EVALUATIONS [THREADS [SEED]]]}.
 *
 * <p>Each worker thread owns a sandbox, replaced every few hundred evaluations; a pool of
 * shared sandboxes is passed between the workers, one thread at a time. At each quarter's
 * end every sandbox is closed, the workers wait, and the heap is measured after GC: what
 * is left then is what the library kept.
 */
public final class Soak {
    /** Heap after GC with every sandbox closed may differ by this much between the first and the last quarter. */
    static final long HEAP_TOLERANCE_BYTES = 8L << 20;
    static final int SHARED_SANDBOXES = 4;

    private final int evaluations;
    private final int threads;
    private final long seed;
    private final long startNanos = System.nanoTime();
    /** Evaluations made (a state check on a sandbox that was reset makes two). */
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger sandboxesCreated = new AtomicInteger();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong problemCount = new AtomicLong();
    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    /** Operations (a script, or a state check) handed out, and where the quarter's operations end. */
    private final AtomicInteger tickets = new AtomicInteger();
    private volatile int quarterEnd;
    private final BlockingQueue<Slot> shared = new ArrayBlockingQueue<>(SHARED_SANDBOXES);

    Soak(int evaluations, int threads, long seed) {
        this.evaluations = evaluations;
        this.threads = threads;
        this.seed = seed;
    }

    public static void main(String[] args) throws Exception {
        int evaluations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        boolean ok = new Soak(evaluations, threads, seed).run();
        System.exit(ok ? 0 : 1);
    }

    // ---- sandboxes and the scripts they run ----

    /** A sandbox with what it must still hold: a counter bumped by the state checks. */
    static final class Slot {
        final Sandbox sandbox;
        final String profile;
        int counter;
        boolean counterKnown;

        Slot(Sandbox sandbox, String profile) {
            this.sandbox = sandbox;
            this.profile = profile;
        }
    }

    private Slot newSlot(Random random) {
        SandboxConfig.Builder b = SandboxConfig.builder()
                .timeout(Duration.ofMillis(300))
                .hardStopGrace(Duration.ofMillis(100))
                .maxOutputBytes(4096)
                .maxHostPayloadBytes(8192)
                .evaluateOnCallerThread(random.nextBoolean())
                .hostFunction("twice", a -> IntNode.valueOf(a.get(0).asInt() * 2))
                .hostFunction("refuse", a -> {
                    throw new HostFunctionError("refused: " + a.get(0).asText());
                })
                .hostFunction("crash", a -> {
                    throw new IllegalStateException("a host bug");
                })
                .hostFunction("flood", a -> TextNode.valueOf("f".repeat(a.get(0).asInt())));
        String profile;
        switch (random.nextInt(3)) {
            case 0:
                profile = "small";
                b.memoryLimitBytes(2 << 20);
                break;
            case 1:
                profile = "metered";
                b.memoryLimitBytes(8 << 20).fuelLimit(100_000_000);
                break;
            default:
                profile = "big";
                b.memoryLimitBytes(32 << 20);
                break;
        }
        sandboxesCreated.incrementAndGet();
        return new Slot(Sandbox.create(b.build()), profile);
    }

    /**
     * A script, what it must return if it succeeds ({@code null}: it must fail) and which
     * failures it is meant to end with. Any script may also be stopped by the timeout, which a
     * loaded machine makes even short scripts hit now and then; those are counted apart ("slow").
     */
    record Script(String name, String code, JsonNode result, List<Class<? extends SandboxException>> allowed) {
        static Script ok(String name, String code, JsonNode result) {
            return new Script(name, code, result, List.of());
        }

        @SafeVarargs
        static Script failing(String name, String code, Class<? extends SandboxException>... allowed) {
            return new Script(name, code, null, Arrays.asList(allowed));
        }

        @SafeVarargs
        static Script either(String name, String code, JsonNode result, Class<? extends SandboxException>... allowed) {
            return new Script(name, code, result, Arrays.asList(allowed));
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Script pick(Random random) {
        int n = 1 + random.nextInt(2000);
        switch (random.nextInt(24)) {
            case 0: case 1: case 2: case 3:
                int m = random.nextInt(4) == 0 ? 1 + random.nextInt(20_000) : n;
                return Script.ok("loop", "var s = 0; for (var i = 0; i < " + m + "; i++) s += i; s",
                        NODES.numberNode((long) m * (m - 1) / 2));
            case 4: case 5:
                return Script.ok("json", "JSON.stringify(JSON.parse('{\"a\":[' + new Array(" + n + ").join('1,') + '1]}').a.length)",
                        TextNode.valueOf(String.valueOf(n)));
            case 6:
                return Script.ok("string", "new Array(" + n + ").join('ab').replace(/b/g, 'cd').length", IntNode.valueOf(3 * (n - 1)));
            case 7:
                return Script.ok("host", "var t = 0; for (var i = 0; i < 50; i++) t += twice(i); t", IntNode.valueOf(2450));
            case 8: case 9: case 10:
                return null; // the state check
            case 11:
                return Script.ok("caught", "try { null.x } catch (e) { e.name }", TextNode.valueOf("TypeError"));
            case 12:
                return Script.ok("regex", "'" + "a1b2".repeat(1 + n % 50) + "'.match(/[a-z]\\d/g).length",
                        IntNode.valueOf(2 * (1 + n % 50)));
            case 13:
                return Script.ok("host-payload", "try { flood(9000).length } catch (e) { e.message }",
                        TextNode.valueOf("host function 'flood': result exceeds 8192 bytes"));
            case 14:
                // metered: fuel at a poll; otherwise the timeout at a poll
                return Script.failing("timeout", "for (;;) {}", ScriptTimeoutException.class, FuelExhaustedException.class);
            case 15:
                // one builtin call that never polls: a hard stop (big), the fuel trap (metered), the heap (small),
                // or, on a fast machine, the result
                return Script.either("hard-stop", "new Array(250000).join('abcdefgh').length", IntNode.valueOf(8 * 249_999),
                        ScriptTimeoutException.class, FuelExhaustedException.class, MemoryLimitException.class);
            case 16:
                return Script.failing("memory", "var a = [], s = 'x'; for (;;) { s = s + s; a.push(s); }",
                        MemoryLimitException.class, ScriptTimeoutException.class, FuelExhaustedException.class);
            case 17:
                return Script.failing("output", "for (;;) print('0123456789');", OutputLimitException.class);
            case 18:
                return Script.failing("syntax", "var = " + n + ";", JsException.class);
            case 19:
                return Script.failing("runtime", "null.x" + n, JsException.class);
            case 20:
                return Script.failing("host-error", "refuse('x" + n + "')", HostFunctionException.class);
            case 21:
                return Script.failing("host-bug", "crash()", HostFunctionException.class);
            case 22:
                return Script.failing("deep", "function d(k) { return d(k + 1) + 1; } d(0)",
                        MemoryLimitException.class, ScriptTimeoutException.class, FuelExhaustedException.class);
            default:
                return Script.ok("call", null, IntNode.valueOf(n + 7));
        }
    }

    // ---- one evaluation ----

    private void evaluate(Random random, Slot slot) {
        Script script = pick(random);
        if (script == null) {
            checkState(slot);
            return;
        }
        try {
            EvalResult r = script.code() != null ? slot.sandbox.eval(script.code())
                    : call(slot, script.result().asInt() - 7);
            if (script.result() == null) {
                problem(slot, script.name() + " succeeded: " + r.display());
            } else if (!script.result().equals(r.value()) && !script.result().asText().equals(r.display())) {
                problem(slot, script.name() + " returned " + r.value() + ", expected " + script.result());
            }
            count(script.name(), "ok");
        } catch (SandboxException e) {
            boolean expected = script.allowed().stream().anyMatch(c -> c.isInstance(e));
            boolean slow = !expected && e instanceof ScriptTimeoutException;
            if (!expected && !slow) {
                problem(slot, script.name() + " failed with " + e);
            }
            count(script.name(), slow ? "slow: " + describe(e) : describe(e));
            if (resetBy(e)) {
                slot.counterKnown = false;
            }
        } catch (RuntimeException e) {
            count(script.name(), "untyped");
            problem(slot, script.name() + " threw an untyped " + e);
        }
    }

    /** sandbox.call, defining the function first when a reset took it. */
    private static EvalResult call(Slot slot, int n) {
        slot.sandbox.eval("if (typeof plus7 !== 'function') { var plus7 = function (x) { return x + 7; }; }");
        return slot.sandbox.call("plus7", IntNode.valueOf(n));
    }

    /** The sandbox's counter, unless a reset said it is gone: never silently lost or changed. */
    private void checkState(Slot slot) {
        try {
            if (!slot.counterKnown) {
                slot.sandbox.eval("var counter = 0;");
                count("state", "ok");
                slot.counter = 0;
                slot.counterKnown = true;
            }
            EvalResult r = slot.sandbox.eval("++counter");
            slot.counter++;
            if (r.value() == null || r.value().asInt() != slot.counter) {
                problem(slot, "state: counter is " + r.value() + ", expected " + slot.counter);
                slot.counterKnown = false;
            }
            count("state", "ok");
        } catch (SandboxException e) {
            // a state check can itself be cut short (a slow machine and a 300 ms timeout)
            count("state", (e instanceof ScriptTimeoutException ? "slow: " : "") + describe(e));
            if (e instanceof ScriptTimeoutException) {
                slot.counterKnown = !resetBy(e) && slot.counterKnown;
            } else {
                problem(slot, "state check failed with " + e);
                slot.counterKnown = false;
            }
        }
    }

    private static boolean resetBy(SandboxException e) {
        return e instanceof SandboxInternalException
                || (e instanceof LimitExceededException && ((LimitExceededException) e).sandboxWasReset());
    }

    private static String describe(SandboxException e) {
        String kind = e.kind().name().toLowerCase(Locale.ROOT);
        if (e instanceof LimitExceededException) {
            kind += ((LimitExceededException) e).sandboxWasReset() ? " (reset)" : " (clean)";
        }
        return kind;
    }

    private void count(String script, String outcome) {
        outcomes.computeIfAbsent(String.format("%-13s %s", script, outcome), k -> new LongAdder()).increment();
        int n = done.incrementAndGet();
        if (n % 500 == 0) {
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "  %6d evaluations  %6.1f s  heap %4d MiB (no GC)  threads %3d  sandboxes created %d%n",
                    n, seconds(), (rt.totalMemory() - rt.freeMemory()) >> 20, threadBean.getThreadCount(), sandboxesCreated.get());
        }
    }

    private void problem(Slot slot, String what) {
        problemCount.incrementAndGet();
        if (problems.size() < 50) {
            problems.add("[" + slot.profile + "] " + what);
        }
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    // ---- workers, quarters, measurements ----

    private void work(int index, CyclicBarrier quarterDone, CyclicBarrier nextQuarter) {
        Random random = new Random(seed * 31 + index);
        try {
            for (int quarter = 0; quarter < 4; quarter++) {
                Slot own = newSlot(random);
                int renewIn = 50 + random.nextInt(250);
                while (tickets.getAndIncrement() < quarterEnd) {
                    if (--renewIn == 0) {
                        own.sandbox.close();
                        own = newSlot(random);
                        renewIn = 50 + random.nextInt(250);
                    }
                    if (random.nextInt(4) == 0) {
                        Slot borrowed = shared.take();
                        try {
                            evaluate(random, borrowed);
                        } finally {
                            shared.put(borrowed);
                        }
                    } else {
                        evaluate(random, own);
                    }
                }
                own.sandbox.close();
                quarterDone.await();
                nextQuarter.await();
            }
        } catch (Exception e) {
            problemCount.incrementAndGet();
            problems.add("worker " + index + " died: " + e);
            e.printStackTrace();
            quarterDone.reset(); // the others, and the main thread, stop waiting
        }
    }

    boolean run() throws Exception {
        System.out.printf("soak: %d evaluations on %d threads, seed %d (replay: soak/run.sh %d %d %d)%n",
                evaluations, threads, seed, evaluations, threads, seed);
        warmUp();
        int threadsAtStart = threadBean.getThreadCount() - sharedEvalThreads();
        threadBean.resetPeakThreadCount();
        Random random = new Random(seed);
        for (int i = 0; i < SHARED_SANDBOXES; i++) {
            shared.add(newSlot(random));
        }
        CyclicBarrier quarterDone = new CyclicBarrier(threads + 1);
        CyclicBarrier nextQuarter = new CyclicBarrier(threads + 1);
        quarterEnd = evaluations / 4;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread worker = new Thread(() -> work(index, quarterDone, nextQuarter), "soak-worker-" + i);
            worker.start();
            workers.add(worker);
        }
        long[] heap = new long[4];
        int[] libraryThreads = new int[4];
        for (int quarter = 0; quarter < 4; quarter++) {
            try {
                quarterDone.await(15, TimeUnit.MINUTES); // a worker that died breaks this; so does a hang
            } catch (java.util.concurrent.BrokenBarrierException | java.util.concurrent.TimeoutException e) {
                System.out.println("soak: FAIL, quarter " + (quarter + 1) + " never ended (" + e + "); problems: " + problems);
                return false;
            }
            for (Slot slot : shared) {
                slot.sandbox.close();
            }
            shared.clear();
            libraryThreads[quarter] = awaitLibraryThreadsGone();
            heap[quarter] = usedHeapAfterGc();
            if (Boolean.getBoolean("soak.histogram")) {
                printHistogram();
            }
            System.out.printf(Locale.ROOT, "quarter %d: %d evaluations, %.1f s, heap after GC with all sandboxes closed %.1f MiB, "
                            + "threads %d (library %d)%n", quarter + 1, done.get(), seconds(), heap[quarter] / 1048576.0,
                    threadBean.getThreadCount(), libraryThreads[quarter]);
            if (quarter < 3) {
                for (int i = 0; i < SHARED_SANDBOXES; i++) {
                    shared.add(newSlot(random));
                }
                tickets.set(quarterEnd); // each worker took one ticket too many to see the quarter end
                quarterEnd = evaluations * (quarter + 2) / 4;
            }
            nextQuarter.await();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = seconds();
        // the shared evaluation threads live on after the sandboxes, as the pool intends
        int threadsAtEnd = threadBean.getThreadCount() - sharedEvalThreads();
        int peak = threadBean.getPeakThreadCount();
        int bound = threadsAtStart + threads + 2 * (threads + SHARED_SANDBOXES) + 2;

        System.out.printf(Locale.ROOT, "%nsoak: %d evaluations on %d threads in %.1f s (%.0f per second), %d sandboxes created%n",
                done.get(), threads, elapsed, done.get() / elapsed, sandboxesCreated.get());
        System.out.println("outcomes (script, how it ended: count):");
        new java.util.TreeMap<>(outcomes).forEach((k, v) -> System.out.printf("  %-40s %6d%n", k, v.sum()));
        long growth = heap[3] - heap[0];
        boolean heapFlat = growth <= HEAP_TOLERANCE_BYTES;
        System.out.printf(Locale.ROOT, "heap after GC, all sandboxes closed, per quarter: %s MiB; last - first = %+.1f MiB "
                        + "(tolerance %d MiB): %s%n", mib(heap), growth / 1048576.0, HEAP_TOLERANCE_BYTES >> 20,
                heapFlat ? "FLAT" : "GREW");
        boolean threadsOk = threadsAtEnd <= threadsAtStart && peak <= bound && libraryThreads[3] == 0;
        System.out.printf("threads: %d at start, %d at the end (workers joined, sandboxes closed), peak %d while running "
                        + "(bound %d), library threads alive after each quarter %s: %s%n",
                threadsAtStart, threadsAtEnd, peak, bound, Arrays.toString(libraryThreads), threadsOk ? "OK" : "GREW");
        System.out.println("problems: " + problemCount.get());
        problems.forEach(p -> System.out.println("  " + p));
        boolean ok = heapFlat && threadsOk && problemCount.get() == 0 && done.get() >= evaluations;
        System.out.println(ok ? "soak: PASS" : "soak: FAIL");
        return ok;
    }

    /** Loads every module and starts the shared watchdog, so that the start counts are steady. */
    private void warmUp() {
        for (boolean onCaller : new boolean[] {false, true}) {
            for (long fuel : new long[] {0, 1_000_000_000}) {
                try (Sandbox s = Sandbox.create(SandboxConfig.builder().evaluateOnCallerThread(onCaller).fuelLimit(fuel)
                        .memoryLimitBytes(1 << 20).build())) {
                    for (int i = 0; i < 200; i++) {
                        s.eval("var s = 0; for (var i = 0; i < 100; i++) s += i; s");
                    }
                }
            }
        }
        awaitLibraryThreadsGone();
    }

    /** The library's evaluation threads, shared by all sandboxes: they outlive every sandbox, bounded. */
    private static final String SHARED_EVAL_THREAD_PREFIX = "mquickjs-sandbox-eval-";

    private static int sharedEvalThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(SHARED_EVAL_THREAD_PREFIX)).count();
    }

    /**
     * Joins the library's threads that belong to no shared pool (none are expected: sandboxes have
     * no threads of their own); returns how many are still alive.
     */
    private static int awaitLibraryThreadsGone() {
        int alive = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("mquickjs") && !t.getName().equals("mquickjs-sandbox-watchdog")
                    && !t.getName().startsWith(SHARED_EVAL_THREAD_PREFIX)) {
                try {
                    t.join(TimeUnit.SECONDS.toMillis(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                alive += t.isAlive() ? 1 : 0;
            }
        }
        return alive;
    }

    private static long usedHeapAfterGc() {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    /** The live heap's largest classes (jcmd GC.class_histogram, from inside). */
    private static void printHistogram() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[] {null}, new String[] {String[].class.getName()});
            String.valueOf(text).lines().limit(14).forEach(l -> System.out.println("    " + l));
        } catch (Exception e) {
            System.out.println("    no histogram: " + e);
        }
    }

    private static String mib(long[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (long b : bytes) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", b / 1048576.0));
        }
        return sb.toString();
    }
}
