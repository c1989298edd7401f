package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.SandboxPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's sandboxes: one {@link SandboxPool} per distinct set of {@link Limits} (a pool's
 * sandboxes share one configuration, and the library has no per-call limits), behind a single
 * bound of {@code concurrency} evaluations at a time across all pools.
 *
 * <p>A borrower first waits up to {@code borrowWait} for one of the {@code concurrency} slots
 * (fair, first come first served), or gets {@link ServiceBusyException}. Each pool is as large as
 * the slot count, so a slot holder never waits for its pool. The {@code maxPools} most recently
 * used pools are kept; an older one is closed once its last sandbox comes back.
 */
final class SandboxPools implements AutoCloseable {
    private final int concurrency;
    private final Duration borrowWait;
    private final int maxPools;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    /** Least recently used first; guarded by itself, as are the entries' borrower counts. */
    private final LinkedHashMap<Limits, PoolEntry> pools;
    /** What closed pools did, so that the totals in {@link #metricsJson()} never go down. */
    private final PoolTotals retiredTotals = new PoolTotals();
    private int poolsRetired;

    SandboxPools(int concurrency, Duration borrowWait, int maxPools) {
        if (concurrency < 1 || maxPools < 1) {
            throw new IllegalArgumentException("concurrency and maxPools must be at least 1");
        }
        this.concurrency = concurrency;
        this.borrowWait = borrowWait;
        this.maxPools = maxPools;
        this.slots = new Semaphore(concurrency, true);
        this.pools = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Limits, PoolEntry> eldest) {
                if (size() <= SandboxPools.this.maxPools) {
                    return false;
                }
                eldest.getValue().retired = true;
                closeIfUnused(eldest.getValue());
                return true;
            }
        };
    }

    /**
     * A sandbox with these limits, for the caller alone until the loan is closed.
     *
     * @throws ServiceBusyException if no slot became free within {@code borrowWait}
     */
    Loan borrow(Limits limits) throws ServiceBusyException, InterruptedException {
        waiting.incrementAndGet();
        boolean admitted;
        try {
            admitted = slots.tryAcquire(borrowWait.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            waiting.decrementAndGet();
        }
        if (!admitted) {
            throw new ServiceBusyException("no evaluation slot free within " + borrowWait.toMillis() + " ms (at most "
                    + concurrency + " evaluations at a time); retry later");
        }
        PoolEntry entry = checkOut(limits);
        try {
            return new Loan(entry, entry.pool.borrow(borrowWait));
        } catch (RuntimeException | Error | InterruptedException e) {
            checkIn(entry);
            slots.release();
            throw e;
        }
    }

    private PoolEntry checkOut(Limits limits) {
        synchronized (pools) {
            PoolEntry entry = pools.computeIfAbsent(limits, l -> new PoolEntry(SandboxPool.create(l.toConfig(), concurrency)));
            entry.borrowers++;
            return entry;
        }
    }

    private void checkIn(PoolEntry entry) {
        synchronized (pools) {
            entry.borrowers--;
            closeIfUnused(entry);
        }
    }

    /** Called with the lock held. */
    private void closeIfUnused(PoolEntry entry) {
        if (entry.retired && entry.borrowers == 0) {
            entry.pool.close();
            retiredTotals.add(entry.pool.metrics()); // after closing: nothing idle or borrowed
            poolsRetired++;
        }
    }

    /** Pool totals (closed pools included), slots, and one line per live pool. */
    ObjectNode metricsJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        PoolTotals totals = new PoolTotals();
        List<ObjectNode> perPool = new ArrayList<>();
        synchronized (pools) {
            totals.addAll(retiredTotals);
            for (Map.Entry<Limits, PoolEntry> e : pools.entrySet()) {
                SandboxPool.Metrics m = e.getValue().pool.metrics();
                totals.add(m);
                ObjectNode pool = JsonNodeFactory.instance.objectNode();
                pool.set("limits", e.getKey().toJson());
                pool.put("created", m.created());
                pool.put("reused", m.reused());
                pool.put("idle", m.idle());
                pool.put("borrowed", m.borrowed());
                perPool.add(pool);
            }
            json.put("pools", pools.size());
            json.put("poolsRetired", poolsRetired);
        }
        totals.writeTo(json);
        ObjectNode slotsJson = json.putObject("slots");
        slotsJson.put("size", concurrency);
        slotsJson.put("inUse", concurrency - slots.availablePermits());
        slotsJson.put("waiting", waiting.get());
        slotsJson.put("borrowWaitMs", borrowWait.toMillis());
        json.putArray("byLimits").addAll(perPool);
        return json;
    }

    int freeSlots() {
        return slots.availablePermits();
    }

    @Override
    public void close() {
        synchronized (pools) {
            for (PoolEntry entry : pools.values()) {
                entry.retired = true;
                entry.pool.close(); // borrowed sandboxes are closed as they come back
            }
            pools.clear();
        }
    }

    /** Sums of {@link SandboxPool.Metrics} over several pools. */
    private static final class PoolTotals {
        long created;
        long reused;
        long resets;
        long discarded;
        long idle;
        long borrowed;

        void add(SandboxPool.Metrics m) {
            created += m.created();
            reused += m.reused();
            resets += m.resets();
            discarded += m.discarded();
            idle += m.idle();
            borrowed += m.borrowed();
        }

        void addAll(PoolTotals other) {
            created += other.created;
            reused += other.reused;
            resets += other.resets;
            discarded += other.discarded;
            idle += other.idle;
            borrowed += other.borrowed;
        }

        void writeTo(ObjectNode json) {
            json.put("created", created);
            json.put("reused", reused);
            json.put("resets", resets);
            json.put("discarded", discarded);
            json.put("idle", idle);
            json.put("borrowed", borrowed);
        }
    }

    private static final class PoolEntry {
        final SandboxPool pool;
        int borrowers;
        boolean retired;

        PoolEntry(SandboxPool pool) {
            this.pool = pool;
        }
    }

    /** One evaluation's sandbox; closing it resets the sandbox and frees the slot. */
    final class Loan implements AutoCloseable {
        private final PoolEntry entry;
        private final SandboxPool.Lease lease;
        private boolean returned;

        private Loan(PoolEntry entry, SandboxPool.Lease lease) {
            this.entry = entry;
            this.lease = lease;
        }

        EvalResult eval(String code, String fileName) {
            return lease.eval(code, fileName);
        }

        @Override
        public void close() {
            if (returned) {
                return;
            }
            returned = true;
            try {
                lease.close();
            } finally {
                checkIn(entry);
                slots.release();
            }
        }
    }
}
