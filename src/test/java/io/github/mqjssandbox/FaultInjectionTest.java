package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults injected at random points. After each one the sandbox must be either intact (a
 * ledger planted before, and a counter bumped after every cycle, read back exactly) or reset,
 * said by a typed exception ({@link LimitExceededException#sandboxWasReset()} or a
 * {@link SandboxInternalException}) and then fresh ({@code typeof ledger} is undefined,
 * {@code 1 + 1} is 2): never silently corrupted, never an untyped exception. Results of
 * scripts that finish are checked against their known values.
 *
 * <p>Random but reproducible: the seed is printed; {@code -Dmqjs.faultSeed=N} replays it.
 * The caller-thread runner ({@code evaluateOnCallerThread}) and the evaluation thread are
 * both exercised where they differ.
 */
class FaultInjectionTest {
    static final long SEED = Long.getLong("mqjs.faultSeed", new SecureRandom().nextLong());
    private static ScheduledExecutorService scheduler;

    @BeforeAll
    static void announceSeed() {
        System.out.println("FaultInjectionTest seed " + SEED + " (replay with -Dmqjs.faultSeed=" + SEED + ")");
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fault-injector");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopScheduler() {
        scheduler.shutdownNow();
    }

    private static Random random(String test) {
        return new Random(SEED ^ test.hashCode());
    }

    /** A seeded java.util.Random that names its seed in failure messages. */
    static final class Random extends java.util.Random {
        private static final long serialVersionUID = 1L;
        final long seed;

        Random(long seed) {
            super(seed);
            this.seed = seed;
        }

        <T> T pick(List<T> items) {
            return items.get(nextInt(items.size()));
        }
    }

    // ---- the oracle ----

    /** True when the failure says the sandbox was reset; fails on anything untyped. */
    static boolean saysReset(Throwable failure) {
        if (failure == null || failure instanceof JsException) {
            return false;
        }
        if (failure instanceof LimitExceededException) {
            return ((LimitExceededException) failure).sandboxWasReset();
        }
        if (failure instanceof SandboxStateException) {
            throw new AssertionError("unexpected state error", failure);
        }
        if (failure instanceof SandboxInternalException) {
            assertTrue(failure.getMessage().contains("reset"), "an internal error says it reset: " + failure);
            return true;
        }
        throw new AssertionError("untyped failure " + failure, failure);
    }

    /**
     * What a sandbox must still hold unless it said it was reset: a ledger of random numbers,
     * a commit counter bumped once per cycle, and two counters of host calls ({@code ticks}:
     * host calls that returned, {@code caught}: host errors the script caught).
     */
    static final class Ledger {
        private static final String READ = "ledger.marker + ':' + ledger.items.length + ':'"
                + " + ledger.items.reduce(function (a, b) { return a + b; }, 0) + ':' + JSON.stringify(ledger.items)"
                + " + ':' + committed + ':' + ticks + ':' + caught";
        final Sandbox sandbox;
        final Random random;
        String marker;
        int[] items;
        int committed;
        int ticks;
        int caught;
        int cycle;
        int resets;

        Ledger(Sandbox sandbox, Random random) {
            this.sandbox = sandbox;
            this.random = random;
            plant();
        }

        void plant() {
            marker = "m" + random.nextInt(1_000_000);
            items = random.ints(1 + random.nextInt(40), -1000, 1000).toArray();
            committed = ticks = caught = 0;
            checkEval("var ledger = {marker: '" + marker + "', items: " + Arrays.toString(items) + "};"
                    + " var committed = 0, ticks = 0, caught = 0;");
        }

        String expected() {
            return marker + ":" + items.length + ":" + Arrays.stream(items).sum() + ":"
                    + Arrays.toString(items).replace(" ", "") + ":" + committed + ":" + ticks + ":" + caught;
        }

        String where(String what) {
            return "seed " + random.seed + ", cycle " + cycle + ": " + what;
        }

        /** Checks the state after an evaluation that ended with {@code failure} (null: success). */
        void verify(Throwable failure, String what) {
            cycle++;
            if (saysReset(failure)) {
                resets++;
                assertEquals("undefined", checkEval("typeof ledger").display(),
                        where(what + " said the sandbox was reset (" + failure + "), yet the ledger survived"));
                assertEquals(IntNode.valueOf(2), checkEval("1 + 1").value(), where(what + ": fresh sandbox"));
                plant();
            } else {
                assertEquals(expected(), checkEval(READ).display(),
                        where(what + " ended with " + failure + " and no reset, so the state must be intact"));
            }
            committed++;
            assertEquals(committed, checkEval("++committed").value().asInt(), where(what + ": commit"));
        }

        /**
         * The checker's own evaluations: under a short timeout on a loaded machine even these
         * can be stopped; a clean stop is retried, a hard stop (reset) starts the ledger over.
         */
        EvalResult checkEval(String code) {
            for (int attempt = 0; ; attempt++) {
                try {
                    return sandbox.eval(code);
                } catch (ScriptTimeoutException e) {
                    if (attempt >= 5) {
                        throw e;
                    }
                    if (e.sandboxWasReset()) {
                        throw new CheckLostToTimeout(e);
                    }
                }
            }
        }
    }

    /** A checking evaluation itself was stopped hard: its cycle proves nothing, the ledger starts over. */
    static final class CheckLostToTimeout extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckLostToTimeout(Throwable cause) {
            super(cause);
        }
    }

    /** A script with a known result; {@code null} result when it never finishes. */
    record Script(String code, JsonNode result) {
        static Script loop(int n) {
            return new Script("var s = 0; for (var i = 0; i < " + n + "; i++) s += i; s",
                    JsonNodeFactory.instance.numberNode((long) n * (n - 1) / 2));
        }

        /** One builtin call that never polls the interrupt handler: only a hard stop ends it early. */
        static Script join(int n) {
            return new Script("new Array(" + n + ").join('abcdefgh').length", IntNode.valueOf(8 * (n - 1)));
        }

        static Script forever() {
            return new Script("for (;;) {}", null);
        }

        static Script regex(int n) {
            return new Script("var m = 0, s = new Array(" + n + ").join('ab1 ');"
                    + " s.replace(/[a-z]+\\d/g, function () { m++; return ''; }); m", IntNode.valueOf(n - 1));
        }

        static Script random(Random random, int scale) {
            switch (random.nextInt(5)) {
                case 0:
                    return loop(1 + random.nextInt(20 * scale));
                case 1:
                    return join(1 + random.nextInt(scale));
                case 2:
                    return forever();
                case 3:
                    return regex(1 + random.nextInt(scale / 4));
                default:
                    return new Script("1 + 1", IntNode.valueOf(2));
            }
        }

        void checkResult(EvalResult r, String where) {
            assertNotNull(result, where + ": a script that never ends returned " + r);
            assertEquals(result.asLong(), r.value().asLong(), where + ": wrong result of " + code);
        }
    }

    /** Delivers one interrupt to a thread when it fires, unless disarmed first. */
    static final class Interrupter {
        private final Thread target;
        private boolean armed = true;
        private boolean delivered;

        Interrupter(Thread target) {
            this.target = target;
        }

        synchronized void fire() {
            if (armed) {
                delivered = true;
                target.interrupt();
            }
        }

        /** After this no interrupt comes; returns whether one was delivered. */
        synchronized boolean disarm() {
            armed = false;
            return delivered;
        }
    }

    private static Sandbox open(boolean onCallerThread, Consumer<SandboxConfig.Builder> settings) {
        return TestSandboxes.open(Engine.AOT, b -> {
            b.evaluateOnCallerThread(onCallerThread);
            settings.accept(b);
        });
    }

    // ---- host functions that fail ----

    private enum HostFault {
        HOST_ERROR(true), CHECKED(true), UNCHECKED(true), RESULT_TOO_BIG(true), NOT_JSON(true),
        STACK_OVERFLOW(false), OUT_OF_MEMORY(false);

        final boolean catchable;

        HostFault(boolean catchable) {
            this.catchable = catchable;
        }
    }

    /**
     * A host function fails at a random call: with an error for the script (catchable, the
     * state intact and the host-call counters exact) or with a JVM error inside the engine's
     * call chain (a typed internal error and a reset).
     */
    @ParameterizedTest(name = "onCallerThread={0}")
    @ValueSource(booleans = {false, true})
    void hostFunctionFailsAtARandomCall(boolean onCallerThread) {
        Random random = random("host" + onCallerThread);
        AtomicInteger calls = new AtomicInteger();
        int[] failAt = {0};
        HostFault[] fault = {HostFault.HOST_ERROR};
        int[] returned = {0};
        try (Sandbox sandbox = open(onCallerThread, b -> b.maxHostPayloadBytes(4096).hostFunction("tick", args -> {
            if (calls.incrementAndGet() == failAt[0]) {
                switch (fault[0]) {
                    case HOST_ERROR: throw new HostFunctionError("planned failure");
                    case CHECKED: throw new IOException("planned checked failure");
                    case UNCHECKED: throw new IllegalStateException("planned unchecked failure");
                    case RESULT_TOO_BIG: return TextNode.valueOf("x".repeat(4096 - 1));
                    case NOT_JSON: return JsonNodeFactory.instance.pojoNode(new Object());
                    case STACK_OVERFLOW: throw new StackOverflowError("planned");
                    default: throw new OutOfMemoryError("planned");
                }
            }
            returned[0]++;
            return IntNode.valueOf(calls.get());
        }))) {
            Ledger ledger = new Ledger(sandbox, random);
            for (int cycle = 0; cycle < 150; cycle++) {
                int n = 1 + random.nextInt(40);
                int shape = random.nextInt(3);
                fault[0] = HostFault.values()[random.nextInt(HostFault.values().length)];
                calls.set(0);
                returned[0] = 0;
                failAt[0] = 1 + random.nextInt(n + 5); // sometimes never reached
                String code;
                switch (shape) {
                    case 0: // uncaught
                        code = "for (var i = 0; i < " + n + "; i++) { tick(i); ticks++; } 'done'";
                        break;
                    case 1: // caught, and the loop goes on
                        code = "for (var i = 0; i < " + n + "; i++) { try { tick(i); ticks++; } catch (e) { caught++; } } 'done'";
                        break;
                    default: // from inside a builtin's callbacks
                        code = "new Array(" + n + ").join(',').split(',').forEach(function (x, i) { tick({i: i, x: [x]}); ticks++; }); 'done'";
                        break;
                }
                boolean reached = failAt[0] <= n;
                String what = fault[0] + " at call " + failAt[0] + " of " + n + " in " + code;
                Throwable failure = null;
                try {
                    assertEquals("done", sandbox.eval(code).display());
                    assertTrue(!reached || (fault[0].catchable && shape == 1), ledger.where(what + " succeeded"));
                } catch (SandboxException e) {
                    failure = e;
                    assertTrue(reached, ledger.where(what + ": failed though the fault was not reached: " + e));
                    if (fault[0].catchable) {
                        HostFunctionException host = assertInstanceOf(HostFunctionException.class, e, ledger.where(what));
                        assertEquals("tick", host.functionName());
                    } else {
                        assertInstanceOf(SandboxInternalException.class, e, ledger.where(what));
                    }
                }
                if (!saysReset(failure)) {
                    ledger.ticks += returned[0];
                    if (reached && shape == 1) {
                        ledger.caught++;
                    }
                }
                ledger.verify(failure, what);
            }
            assertTrue(ledger.resets > 0, "some faults were JVM errors, which reset");
        }
    }

    // ---- interrupts and cancellation ----

    /**
     * The evaluating thread is interrupted at a random moment: before, during or after the
     * evaluation, in polling code, in a builtin that never polls, in a host function. The
     * sandbox stops with a typed error (on its own thread the caller's interrupt counts as
     * a timeout) or finishes with the right result, and the interrupt is never swallowed.
     */
    @ParameterizedTest(name = "onCallerThread={0}")
    @ValueSource(booleans = {false, true})
    void interruptAtARandomMoment(boolean onCallerThread) throws Exception {
        Random random = random("interrupt" + onCallerThread);
        try (Sandbox sandbox = open(onCallerThread, b -> b.memoryLimitBytes(32 << 20)
                .hostFunction("work", args -> IntNode.valueOf(args.get(0).asInt() * 2)))) {
            Ledger ledger = new Ledger(sandbox, random);
            for (int cycle = 0; cycle < 120; cycle++) {
                Script script = random.nextInt(6) == 0
                        ? new Script("var t = 0; for (var i = 0; i < 2000; i++) t += work(i); t", IntNode.valueOf(3998000))
                        : Script.random(random, 100_000);
                if (script.result() == null) {
                    script = Script.loop(1 + random.nextInt(2_000_000)); // an interrupt may never come
                }
                Interrupter interrupter = new Interrupter(Thread.currentThread());
                long delayNanos = random.nextInt(4) == 0 ? 0 : (long) random.nextInt(20_000) * 1000;
                Future<?> pending = scheduler.schedule(interrupter::fire, delayNanos, TimeUnit.NANOSECONDS);
                Throwable failure = null;
                String what = "interrupt after " + delayNanos / 1000 + " us of " + script.code();
                try {
                    script.checkResult(sandbox.eval(script.code()), ledger.where(what));
                } catch (SandboxException e) {
                    failure = e;
                }
                pending.cancel(false);
                boolean delivered = interrupter.disarm();
                boolean stillSet = Thread.interrupted();
                if (failure != null) {
                    assertTrue(delivered, ledger.where(what + " failed with no interrupt: " + failure));
                    Class<? extends SandboxException> expected =
                            onCallerThread ? SandboxInternalException.class : ScriptTimeoutException.class;
                    assertTrue(expected.isInstance(failure), ledger.where(what + ": " + failure));
                }
                assertEquals(delivered, stillSet, ledger.where(what + ": the caller's interrupt must be left set"));
                ledger.verify(failure, what);
            }
        }
    }

    /**
     * Short timeouts of random length, with random hard-stop graces, on scripts that poll
     * (a clean stop, state kept), never poll (a hard stop, reset) or finish first.
     */
    @Test
    void randomTimeoutsStopCleanlyOrHard() {
        Random random = random("timeouts");
        int clean = 0;
        int hard = 0;
        int finished = 0;
        for (int round = 0; round < 14; round++) {
            Duration timeout = Duration.ofMillis(10 + random.nextInt(60));
            Duration grace = Duration.ofMillis(5 + random.nextInt(30));
            try (Sandbox sandbox = open(random.nextBoolean(), b -> b.memoryLimitBytes(64 << 20).timeout(timeout).hardStopGrace(grace))) {
                Ledger ledger;
                try {
                    ledger = new Ledger(sandbox, random);
                } catch (CheckLostToTimeout slowMachine) {
                    continue;
                }
                for (int cycle = 0; cycle < 6; cycle++) {
                    Script script = Script.random(random, 1_000_000);
                    String what = "timeout " + timeout.toMillis() + " ms + " + grace.toMillis() + " ms on " + script.code();
                    Throwable failure = null;
                    try {
                        script.checkResult(sandbox.eval(script.code()), ledger.where(what));
                        finished++;
                    } catch (ScriptTimeoutException e) {
                        failure = e;
                        if (e.sandboxWasReset()) {
                            hard++;
                        } else {
                            clean++;
                        }
                    } catch (SandboxException e) {
                        fail(ledger.where(what + " failed with " + e), e);
                    }
                    try {
                        ledger.verify(failure, what);
                    } catch (CheckLostToTimeout slowMachine) {
                        ledger.plant();
                    }
                }
            } catch (CheckLostToTimeout slowMachine) {
                // even a fresh plant was stopped hard: nothing to check in this round
            }
        }
        System.out.println("timeouts: " + clean + " clean stops, " + hard + " hard stops, " + finished + " finished");
        assertTrue(clean > 0 && hard > 0 && finished > 0, clean + " clean, " + hard + " hard, " + finished + " finished");
    }

    /**
     * close() from another thread at a random moment: the evaluation returns its right result
     * or fails with "closed", never anything untyped, never hangs; the sandbox's thread ends.
     */
    @ParameterizedTest(name = "onCallerThread={0}")
    @ValueSource(booleans = {false, true})
    void closeFromAnotherThreadAtARandomMoment(boolean onCallerThread) throws Exception {
        Random random = random("close" + onCallerThread);
        Set<Thread> before = libraryThreads();
        int closedDuring = 0;
        for (int cycle = 0; cycle < 80; cycle++) {
            Sandbox sandbox = open(onCallerThread, b -> b.memoryLimitBytes(8 << 20));
            new Ledger(sandbox, random);
            Script script = Script.random(random, 200_000);
            long delayNanos = random.nextInt(4) == 0 ? 0 : (long) random.nextInt(15_000) * 1000;
            Future<?> closing = scheduler.schedule(sandbox::close, delayNanos, TimeUnit.NANOSECONDS);
            String what = "seed " + random.seed + ", cycle " + cycle + ": close after " + delayNanos / 1000 + " us of " + script.code();
            try {
                script.checkResult(sandbox.eval(script.code()), what);
            } catch (SandboxStateException e) {
                closedDuring++;
                assertTrue(e.getMessage().contains("closed"), what + ": " + e.getMessage());
            }
            closing.get(30, TimeUnit.SECONDS);
            assertTrue(sandbox.isClosed());
            SandboxStateException after = assertThrows(SandboxStateException.class, () -> sandbox.eval("1"), what);
            assertEquals("the sandbox is closed", after.getMessage());
            assertFalse(Thread.currentThread().isInterrupted(), what + ": no interrupt leaks to the caller");
        }
        assertTrue(closedDuring > 0, "some evaluations were cut short by close()");
        assertNoNewLibraryThreads(before);
    }

    // ---- traps inside the module ----

    /**
     * Fuel runs out at a random budget: at an interrupt poll (stage one, state kept) or, in a
     * builtin that never polls, by the metered code's own trap (stage two, reset).
     */
    @Test
    void fuelRunsOutAtARandomBudget() {
        Random random = random("fuel");
        int stageOne = 0;
        int stageTwo = 0;
        int finished = 0;
        for (int round = 0; round < 25; round++) {
            long limit = round == 0 ? 2_000_000 : (long) Math.pow(10, 5.7 + 2 * random.nextDouble());
            try (Sandbox sandbox = open(random.nextBoolean(), b -> b.memoryLimitBytes(8 << 20).fuelLimit(limit))) {
                Ledger ledger = new Ledger(sandbox, random);
                for (int cycle = 0; cycle < 4; cycle++) {
                    Script script = round == 0
                            ? (cycle == 0 ? Script.join(60_000) : cycle == 1 ? Script.forever() : new Script("1 + 1", IntNode.valueOf(2)))
                            : Script.random(random, 60_000);
                    String what = "fuel " + limit + " on " + script.code();
                    Throwable failure = null;
                    try {
                        EvalResult r = sandbox.eval(script.code());
                        script.checkResult(r, ledger.where(what));
                        assertTrue(r.fuelUsed().getAsLong() <= limit, ledger.where(what));
                        finished++;
                    } catch (FuelExhaustedException e) {
                        failure = e;
                        assertTrue(e.fuelUsed().getAsLong() > limit, ledger.where(what + ": " + e.getMessage()));
                        if (e.sandboxWasReset()) {
                            stageTwo++;
                        } else {
                            stageOne++;
                        }
                    } catch (SandboxException e) {
                        fail(ledger.where(what + " failed with " + e), e);
                    }
                    ledger.verify(failure, what);
                }
            }
        }
        System.out.println("fuel: " + stageOne + " clean stops, " + stageTwo + " traps, " + finished + " finished");
        assertTrue(stageOne > 0 && stageTwo > 0 && finished > 0, stageOne + " stage one, " + stageTwo + " stage two, " + finished + " finished");
    }

    // ---- allocation failures while marshalling ----

    /**
     * Tight heaps and payloads at and just over their limits: source text, call arguments,
     * host function arguments and results, and file names copied into a nearly full sandbox.
     * Each either arrives intact, fails as a memory limit (state kept), is refused as over
     * its limit (before running, or as a catchable error), or, when the wasm allocator itself
     * has no room, fails as an internal error with a reset.
     */
    @ParameterizedTest(name = "onCallerThread={0}")
    @ValueSource(booleans = {false, true})
    void allocationFailsWhileMarshalling(boolean onCallerThread) {
        Random random = random("marshal" + onCallerThread);
        int memoryErrors = 0;
        int refused = 0;
        int delivered = 0;
        for (int round = 0; round < 16; round++) {
            // round 0 starts with a sure memory error: a payload at its limit into a nearly full heap
            int heap = round == 0 ? 64 << 10 : (64 << 10) * (1 + random.nextInt(8));
            int payloadLimit = round == 0 ? 16 << 10 : 1024 * (1 + random.nextInt(16));
            int sourceLimit = 16 << 10;
            try (Sandbox sandbox = open(onCallerThread, b -> b.memoryLimitBytes(heap)
                    .maxSourceBytes(sourceLimit).maxHostPayloadBytes(payloadLimit)
                    .hostFunction("payload", args -> TextNode.valueOf("p".repeat(args.get(0).asInt())))
                    .hostFunction("measure", args -> IntNode.valueOf(args.get(0).asText().length())))) {
                Ledger ledger = new Ledger(sandbox, random);
                for (int cycle = 0; cycle < 8; cycle++) {
                    // a random share of the heap held by a local while the payload crosses
                    boolean sure = round == 0 && cycle == 0;
                    String fill = "var hog = []; for (var k = 0; k < " + (sure ? heap / 40 : random.nextInt(heap / 64))
                            + "; k++) hog.push('h' + k);";
                    int near = sure ? 0 : random.nextInt(8) - 4;
                    int kind = sure ? 0 : random.nextInt(5);
                    String what;
                    Throwable failure = null;
                    try {
                        switch (kind) {
                            case 0: { // a host result around the payload limit (a JSON string: two quotes)
                                int n = payloadLimit - 2 + near;
                                what = "host result of " + (n + 2) + " bytes, limit " + payloadLimit + ", heap " + heap;
                                String got = sandbox.eval("(function () { " + fill + " try { return String(payload(" + n + ").length); }"
                                        + " catch (e) { return e.message; } })()").display();
                                int outcome = judgePayload(got, n, n + 2 > payloadLimit,
                                        "host function 'payload': result exceeds " + payloadLimit + " bytes", what);
                                delivered += outcome == 0 ? 1 : 0;
                                refused += outcome == 1 ? 1 : 0;
                                memoryErrors += outcome == 2 ? 1 : 0;
                                break;
                            }
                            case 1: { // host arguments around the payload limit: ["..."]
                                int n = payloadLimit - 4 + near;
                                what = "host arguments of " + (n + 4) + " bytes, limit " + payloadLimit + ", heap " + heap;
                                String got = sandbox.eval("(function () { " + fill + " try { return String(measure(new Array(" + (n + 1)
                                        + ").join('a'))); } catch (e) { return e.message; } })()").display();
                                int outcome = judgePayload(got, n, n + 4 > payloadLimit,
                                        "host function 'measure': arguments exceed " + payloadLimit + " bytes", what);
                                delivered += outcome == 0 ? 1 : 0;
                                refused += outcome == 1 ? 1 : 0;
                                memoryErrors += outcome == 2 ? 1 : 0;
                                break;
                            }
                            case 2: { // source text up to its limit: an array literal of m elements
                                int m = sourceLimit / 4 + random.nextInt(sourceLimit / 4 - 12);
                                String code = "var big = [" + "1,".repeat(m - 1) + "1]; big.length";
                                what = "source of " + code.length() + " bytes, limit " + sourceLimit + ", heap " + heap;
                                assertEquals(IntNode.valueOf(m), sandbox.eval(code).value(), what);
                                sandbox.eval("big = null;");
                                delivered++;
                                break;
                            }
                            case 3: { // call() arguments up to the source limit
                                int n = sourceLimit - 4 + near;
                                what = "call arguments of " + (n + 4) + " bytes, limit " + sourceLimit + ", heap " + heap;
                                sandbox.eval("function measureArg(s) { return s.length; }"); // again after any reset
                                if (n + 4 > sourceLimit) {
                                    String arg = "c".repeat(n);
                                    assertThrows(IllegalArgumentException.class, () -> sandbox.call("measureArg", TextNode.valueOf(arg)), what);
                                    refused++;
                                } else {
                                    assertEquals(IntNode.valueOf(n), sandbox.call("measureArg", TextNode.valueOf("c".repeat(n))).value(), what);
                                    delivered++;
                                }
                                break;
                            }
                            default: { // a file name of random size: it has no limit of its own
                                int n = random.nextInt(4) == 0 ? sourceLimit + payloadLimit + random.nextInt(300 << 10) : random.nextInt(2000);
                                what = "file name of " + n + " bytes, heap " + heap;
                                assertEquals(IntNode.valueOf(3), sandbox.eval("1 + 2", "f".repeat(n)).value(), what);
                                delivered++;
                                break;
                            }
                        }
                    } catch (MemoryLimitException e) {
                        failure = e;
                        memoryErrors++;
                        what = "kind " + kind + ": " + e.getMessage();
                    } catch (SandboxInternalException e) {
                        failure = e;
                        what = "kind " + kind + ": " + e.getMessage();
                        assertTrue(e.getMessage().contains("no room in the sandbox"), ledger.where(what));
                    } catch (SandboxException e) {
                        throw new AssertionError(ledger.where("kind " + kind + " failed with " + e), e);
                    }
                    ledger.verify(failure, what);
                }
            }
        }
        System.out.println("marshalling: " + delivered + " delivered, " + refused + " refused, " + memoryErrors + " memory errors");
        assertTrue(delivered > 0 && refused > 0 && memoryErrors > 0, delivered + " delivered, " + refused + " refused, " + memoryErrors + " memory errors");
    }

    /** 0: delivered intact, 1: refused as over the limit, 2: the heap had no room (caught in JS). */
    private static int judgePayload(String got, int n, boolean over, String refusal, String what) {
        if ("out of memory".equals(got) || "not enough memory".equals(got)) { // the engine's, or its parser's
            return 2;
        }
        if (over) {
            assertEquals(refusal, got, what);
            return 1;
        }
        assertEquals(String.valueOf(n), got, what);
        return 0;
    }

    // ---- nothing leaks ----

    /**
     * Hundreds of sandboxes, each hit by a random fault, then closed: every one becomes
     * unreachable, the heap after GC does not grow, and no library thread outlives its sandbox.
     */
    @Test
    void faultCyclesLeakNoThreadsAndNoMemory() throws Exception {
        Random random = random("leaks");
        Set<Thread> before = libraryThreads();
        List<WeakReference<Sandbox>> closed = new ArrayList<>();
        long baseline = 0;
        int maxThreads = 0;
        int cycles = 300;
        for (int cycle = 0; cycle < cycles; cycle++) {
            if (cycle == 30) {
                baseline = usedHeapAfterGc();
            }
            closed.add(faultCycle(random, cycle));
            maxThreads = Math.max(maxThreads, Thread.activeCount());
        }
        assertNoNewLibraryThreads(before);
        assertTrue(evalThreads() <= EvalThreads.maximumSize(), evalThreads() + " evaluation threads, more than " + EvalThreads.maximumSize());
        long after = usedHeapAfterGc();
        for (int gc = 0; gc < 10 && closed.stream().anyMatch(r -> r.get() != null); gc++) {
            System.gc();
        }
        long alive = closed.stream().filter(r -> r.get() != null).count();
        System.out.printf("leaks: %d cycles, heap after GC %d MiB at cycle 30, %d MiB at the end; at most %d threads%n",
                cycles, baseline >> 20, after >> 20, maxThreads);
        assertEquals(0, alive, "closed sandboxes still reachable after GC");
        assertTrue(after - baseline < 64L << 20, "heap grew by " + ((after - baseline) >> 20) + " MiB over " + cycles + " cycles");
    }

    /** One sandbox, one random fault, closed; returns only a weak reference to it. */
    private static WeakReference<Sandbox> faultCycle(Random random, int cycle) throws Exception {
        boolean onCallerThread = random.nextBoolean();
        int fault = random.nextInt(6);
        boolean metered = fault == 2 || random.nextBoolean();
        Sandbox sandbox = open(onCallerThread, b -> {
            b.memoryLimitBytes(2 << 20).timeout(Duration.ofSeconds(60))
                    .hostFunction("fail", args -> {
                        throw new StackOverflowError("planned");
                    });
            if (metered) {
                b.fuelLimit(fault == 2 ? 1_000_000 : 1_000_000_000);
            }
        });
        sandbox.eval("var kept = " + cycle + ";");
        Future<?> closing = null;
        try {
            switch (fault) {
                case 0: sandbox.eval("fail()"); break;
                case 1: sandbox.eval("var a = [], s = 'x'; for (;;) { s = s + s; a.push(s); }"); break;
                case 2: sandbox.eval(random.nextBoolean() ? "for (;;) {}" : "new Array(60000).join('abcdefgh').length"); break;
                case 3: sandbox.eval("syntax error here"); break;
                case 4:
                    closing = scheduler.schedule(sandbox::close, random.nextInt(5000), TimeUnit.MICROSECONDS);
                    sandbox.eval("for (;;) {}");
                    break;
                default: sandbox.eval("throw new Error('runtime')"); break;
            }
            fail("cycle " + cycle + ": fault " + fault + " did not fail");
        } catch (SandboxException expected) {
            saysResetOrClosed(expected);
        }
        if (closing != null) {
            closing.get(30, TimeUnit.SECONDS);
        }
        sandbox.close();
        return new WeakReference<>(sandbox);
    }

    private static void saysResetOrClosed(SandboxException e) {
        if (!(e instanceof SandboxStateException)) {
            saysReset(e);
        }
    }

    static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The library's threads alive now that are not shared by all sandboxes (the watchdog and the
     * evaluation threads live for the JVM): there should be none.
     */
    static Set<Thread> libraryThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("mquickjs") && !t.getName().equals("mquickjs-sandbox-watchdog")
                    && !t.getName().startsWith(EvalThreads.NAME_PREFIX)) {
                threads.add(t);
            }
        }
        return threads;
    }

    /** The shared evaluation threads alive now: never more than the pool's size. */
    static long evalThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(EvalThreads.NAME_PREFIX)).count();
    }

    /** Every library thread started since {@code before} ends (joined, not polled). */
    static void assertNoNewLibraryThreads(Set<Thread> before) throws InterruptedException {
        for (Thread t : libraryThreads()) {
            if (!before.contains(t)) {
                t.join(TimeUnit.SECONDS.toMillis(30));
                assertFalse(t.isAlive(), "library thread still alive after its sandbox closed: " + t);
            }
        }
    }

    private static <T> T assertInstanceOf(Class<T> type, Object value, String message) {
        return org.junit.jupiter.api.Assertions.assertInstanceOf(type, value, message);
    }
}
