package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SandboxPoolTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Everything a borrower could leave behind, and a probe that finds any of it. */
    private static final String LEAVE_TRACES = "var leaked = 1; Object.prototype.polluted = 2; "
            + "Array.prototype.push = function () { return 'hijacked'; }; Math.random = function () { return 0; }; "
            + "print('secret output'); JSON.stringify = null; 'done'";
    private static final String FIND_TRACES = "[typeof leaked, typeof ({}).polluted, [].push(1), "
            + "typeof JSON.stringify, Math.random() !== 0].join()";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBorrowerSeesNothingOfThePreviousOne(Engine engine) throws Exception {
        SandboxConfig config = TestSandboxes.config(engine).fuelLimit(50_000_000).build();
        try (SandboxPool pool = SandboxPool.create(config, 1)) {
            long firstFuel;
            try (SandboxPool.Lease first = pool.borrow(WAIT)) {
                EvalResult r = first.eval(LEAVE_TRACES);
                assertEquals("secret output\n", r.output());
                firstFuel = first.eval("for (var i = 0; i < 1000; i++) {} i").fuelUsed().orElseThrow();
            }
            try (SandboxPool.Lease second = pool.borrow(WAIT)) {
                EvalResult probe = second.eval(FIND_TRACES);
                assertEquals("undefined,undefined,1,function,true", probe.display());
                assertEquals("", probe.output());
                assertEquals(firstFuel, second.eval("for (var i = 0; i < 1000; i++) {} i").fuelUsed().orElseThrow(),
                        "fuel starts from the full budget again");
            }
            SandboxPool.Metrics m = pool.metrics();
            assertEquals(new SandboxPool.Metrics(1, 1, 2, 0, 1, 0), m);
        }
    }

    @Test
    void borrowersWaitForAFreeSandboxUpToTheirDeadline() throws Exception {
        try (SandboxPool pool = SandboxPool.create(TestSandboxes.config(Engine.AOT).build(), 2)) {
            SandboxPool.Lease a = pool.borrow(WAIT);
            SandboxPool.Lease b = pool.borrow(WAIT);
            SandboxStateException none = assertThrows(SandboxStateException.class, () -> pool.borrow(Duration.ofMillis(20)));
            assertTrue(none.getMessage().contains("all 2 are borrowed"), none.getMessage());
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<String> waiting = other.submit(() -> {
                    try (SandboxPool.Lease c = pool.borrow(WAIT)) {
                        return c.eval("'got one'").display();
                    }
                });
                a.close();
                assertEquals("got one", waiting.get(30, TimeUnit.SECONDS));
            } finally {
                other.shutdownNow();
            }
            b.close();
            assertEquals(2, pool.metrics().created());
        }
    }

    @Test
    void aReturnedLeaseRefusesEveryCall() throws Exception {
        try (SandboxPool pool = SandboxPool.create(TestSandboxes.config(Engine.AOT).build(), 1)) {
            SandboxPool.Lease lease = pool.borrow(WAIT);
            lease.close();
            lease.close(); // returning twice changes nothing
            assertThrows(SandboxStateException.class, () -> lease.eval("1"));
            assertEquals(0, pool.metrics().borrowed());
        }
    }

    @Test
    void manyThreadsShareThePoolAndNeverSeeEachOther() throws Exception {
        int threads = 6;
        int rounds = 25;
        try (SandboxPool pool = SandboxPool.create(TestSandboxes.config(Engine.AOT).build(), 3)) {
            ExecutorService workers = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int id = t;
                    results.add(workers.submit(() -> {
                        int clean = 0;
                        for (int r = 0; r < rounds; r++) {
                            try (SandboxPool.Lease lease = pool.borrow(WAIT)) {
                                if ("undefined".equals(lease.eval("typeof owner").display())) {
                                    clean++;
                                }
                                lease.eval("var owner = " + id + ";");
                            }
                        }
                        return clean;
                    }));
                }
                for (Future<Integer> result : results) {
                    assertEquals(rounds, result.get(120, TimeUnit.SECONDS));
                }
            } finally {
                workers.shutdownNow();
            }
            SandboxPool.Metrics m = pool.metrics();
            assertTrue(m.created() <= 3, m.toString());
            assertEquals(threads * rounds, m.created() + m.reused());
            assertEquals(threads * rounds, m.resets());
        }
    }

    @Test
    void aSandboxWhoseEngineCouldNotBeStoppedIsDiscarded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SandboxConfig config = TestSandboxes.config(Engine.AOT)
                .timeout(Duration.ofMillis(50))
                .hardStopGrace(Duration.ofMillis(50))
                .hostFunction("stubborn", args -> {
                    // a host function that ignores interrupts: its thread has to be given up
                    while (true) {
                        try {
                            if (release.await(10, TimeUnit.SECONDS)) {
                                return NullNode.getInstance();
                            }
                        } catch (InterruptedException ignored) {
                            // keeps waiting
                        }
                    }
                })
                .build();
        try (SandboxPool pool = SandboxPool.create(config, 1)) {
            try (SandboxPool.Lease lease = pool.borrow(WAIT)) {
                assertThrows(ScriptTimeoutException.class, () -> lease.eval("stubborn()"));
            } finally {
                release.countDown();
            }
            SandboxPool.Metrics m = pool.metrics();
            assertEquals(1, m.discarded());
            try (SandboxPool.Lease next = pool.borrow(WAIT)) {
                assertEquals(IntNode.valueOf(2), next.eval("1 + 1").value());
            }
            assertEquals(2, pool.metrics().created());
        }
    }
}
