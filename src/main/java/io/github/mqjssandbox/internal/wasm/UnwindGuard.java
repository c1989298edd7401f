package io.github.mqjssandbox.internal.wasm;

/**
 * Lets a trampoline put the machine back in the state it had before a host exception
 * unwound nested wasm frames. Only the interpreter needs it: compiled code keeps its
 * operands in JVM frames, which the exception discards.
 */
interface UnwindGuard {
    UnwindGuard NONE =
            new UnwindGuard() {
                @Override
                public long mark() {
                    return 0;
                }

                @Override
                public void restore(long mark) {}
            };

    long mark();

    void restore(long mark);
}
