package io.github.mqjssandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-safe pool of sandboxes of one configuration, at most {@code maxSize} of them. A
 * borrower gets a {@link Lease}, its only handle on the sandbox; returning it (closing it)
 * resets the sandbox, so the next borrower never sees anything of the previous one: globals,
 * changed prototypes, output or fuel.
 *
 * <pre>{@code
 * try (SandboxPool pool = SandboxPool.create(config, 8);
 *      SandboxPool.Lease lease = pool.borrow(Duration.ofSeconds(1))) {
 *     lease.eval("1 + 2").value();
 * }
 * }</pre>
 */
public final class SandboxPool implements AutoCloseable {
    private final SandboxConfig config;
    private final int maxSize;
    private final Semaphore permits;
    private final Deque<Sandbox> idle = new ArrayDeque<>();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private volatile boolean closed;

    /** What the pool has done so far. */
    public record Metrics(long created, long reused, long resets, long discarded, int idle, int borrowed) {}

    private SandboxPool(SandboxConfig config, int maxSize) {
        this.config = Objects.requireNonNull(config, "config");
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize);
        }
        this.maxSize = maxSize;
        this.permits = new Semaphore(maxSize, true);
    }

    public static SandboxPool create(SandboxConfig config, int maxSize) {
        return new SandboxPool(config, maxSize);
    }

    /**
     * A sandbox for the caller alone, waiting up to {@code wait} for one to be returned when all
     * {@code maxSize} are borrowed.
     *
     * @throws SandboxStateException if none became free in time, or the pool is closed
     * @throws InterruptedException if the waiting thread was interrupted
     */
    public Lease borrow(Duration wait) throws InterruptedException {
        checkOpen();
        if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new SandboxStateException("no sandbox free within " + wait.toMillis() + " ms: all " + maxSize
                    + " are borrowed");
        }
        try {
            checkOpen();
            Sandbox sandbox;
            synchronized (idle) {
                sandbox = idle.pollFirst();
            }
            if (sandbox != null) {
                reused.incrementAndGet();
            } else {
                sandbox = Sandbox.create(config);
                created.incrementAndGet();
            }
            return new Lease(sandbox);
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    public Metrics metrics() {
        int idleCount;
        synchronized (idle) {
            idleCount = idle.size();
        }
        return new Metrics(created.get(), reused.get(), resets.get(), discarded.get(), idleCount,
                maxSize - permits.availablePermits());
    }

    /** Closes the idle sandboxes; borrowed ones are closed when their leases are returned. */
    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            idle.forEach(Sandbox::close);
            idle.clear();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new SandboxStateException("the pool is closed");
        }
    }

    /** Resets a returned sandbox and keeps it, or discards it when it is closed (an engine that could not be stopped). */
    private void giveBack(Sandbox sandbox) {
        try {
            if (!closed && !sandbox.isClosed()) {
                try {
                    sandbox.reset();
                    resets.incrementAndGet();
                    synchronized (idle) {
                        if (!closed) {
                            idle.addFirst(sandbox);
                            return;
                        }
                    }
                } catch (SandboxException e) {
                    // a sandbox that cannot be reset is not lent again
                }
            }
            discarded.incrementAndGet();
            sandbox.close();
        } finally {
            permits.release();
        }
    }

    /**
     * One borrower's use of a pooled sandbox; {@link #close()} returns it. Every method fails with
     * {@link SandboxStateException} once the lease is returned.
     */
    public final class Lease implements AutoCloseable {
        private Sandbox sandbox;

        private Lease(Sandbox sandbox) {
            this.sandbox = sandbox;
        }

        public EvalResult eval(String code) {
            return sandbox().eval(code);
        }

        public EvalResult eval(String code, String fileName) {
            return sandbox().eval(code, fileName);
        }

        public EvalResult call(String functionName, JsonNode... args) {
            return sandbox().call(functionName, args);
        }

        public EvalResult call(String functionName, List<? extends JsonNode> args) {
            return sandbox().call(functionName, args);
        }

        /** See {@link Sandbox#cancel()}; may be called from any thread. */
        public void cancel() {
            Sandbox current = sandbox;
            if (current != null) {
                current.cancel();
            }
        }

        private synchronized Sandbox sandbox() {
            if (sandbox == null) {
                throw new SandboxStateException("the lease was returned to the pool");
            }
            return sandbox;
        }

        @Override
        public void close() {
            Sandbox returned;
            synchronized (this) {
                returned = sandbox;
                sandbox = null;
            }
            if (returned != null) {
                giveBack(returned);
            }
        }
    }
}
