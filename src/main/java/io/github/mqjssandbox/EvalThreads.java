package io.github.mqjssandbox;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every sandbox's evaluations run on, shared by all sandboxes of the JVM: at most
 * {@link #SIZE} of them, each with a stack large enough for deep wasm call chains (each wasm call
 * is a JVM frame, several in the interpreter). They are daemons and end after a minute idle, so an
 * idle sandbox has no thread of its own, and ten thousand sandboxes do not make ten thousand
 * threads. Evaluations beyond that many at once wait for a thread; their time limit starts when
 * they get one.
 *
 * <p>The size is {@code max(4, 2 × processors)}, or the system property
 * {@value #SIZE_PROPERTY} read once. A thread whose engine ignored even a hard stop is given up
 * ({@link #giveUp}): the pool grows by one to keep its capacity.
 */
final class EvalThreads {
    static final String SIZE_PROPERTY = "mquickjs.sandbox.threads";
    static final int SIZE = Integer.getInteger(SIZE_PROPERTY, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    static final long STACK_BYTES = 512L << 20;
    static final String NAME_PREFIX = "mquickjs-sandbox-eval-";
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final ThreadGroup GROUP = new ThreadGroup("mquickjs-sandbox");
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(
            SIZE, SIZE, 60, TimeUnit.SECONDS, new SpinningQueue(), EvalThreads::newThread);

    static {
        if (SIZE < 1) {
            throw new IllegalStateException(SIZE_PROPERTY + " must be at least 1, not " + SIZE);
        }
        POOL.allowCoreThreadTimeOut(true);
    }

    private EvalThreads() {}

    private static Thread newThread(Runnable task) {
        Thread thread = new Thread(GROUP, task, NAME_PREFIX + NUMBER.incrementAndGet(), STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    }

    static void execute(Runnable task) {
        POOL.execute(task);
    }

    /** The most threads there may be now: {@link #SIZE} plus one per thread given up. */
    static int maximumSize() {
        return POOL.getMaximumPoolSize();
    }

    /** The threads running a task now. */
    static int busyThreads() {
        return POOL.getActiveCount();
    }

    /** Whether the current thread is one of these: a nested evaluation then runs right here. */
    static boolean isCurrentThreadOne() {
        return Thread.currentThread().getThreadGroup() == GROUP;
    }

    /** A thread is stuck for good in an engine that ignores interrupts: keep the pool's capacity. */
    static synchronized void giveUp() {
        POOL.setMaximumPoolSize(POOL.getMaximumPoolSize() + 1);
        POOL.setCorePoolSize(POOL.getCorePoolSize() + 1);
    }

    /** The pool's task queue: an idle thread may spin ({@link SpinWait}) before it parks. */
    private static final class SpinningQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;
        private static final SpinWait IDLE = new SpinWait();

        @Override
        public Runnable take() throws InterruptedException {
            Runnable task = spinPoll();
            return task != null ? task : super.take();
        }

        @Override
        public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
            Runnable task = spinPoll();
            return task != null ? task : super.poll(timeout, unit);
        }

        /** Idle threads spin a while for the next task (the first of them to see it takes it). */
        private Runnable spinPoll() {
            Runnable[] taken = new Runnable[1];
            IDLE.spinUntil(() -> (taken[0] = poll()) != null);
            return taken[0];
        }
    }
}
