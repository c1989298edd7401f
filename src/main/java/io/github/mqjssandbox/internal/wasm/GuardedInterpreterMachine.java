package io.github.mqjssandbox.internal.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.MStack;

/**
 * Chicory's interpreter with an {@link UnwindGuard}. When a host exception (our longjmp)
 * unwinds through nested interpreted calls, the operands and frames those calls pushed
 * stay on the shared value stack and call stack, and later results come out silently
 * wrong. The trampoline records both heights before the call and truncates to them
 * after catching the unwind.
 */
final class GuardedInterpreterMachine extends InterpreterMachine implements UnwindGuard {

    GuardedInterpreterMachine(Instance instance) {
        super(instance);
    }

    @Override
    public long mark() {
        return ((long) callStack.size() << 32) | (stack().size() & 0xFFFF_FFFFL);
    }

    @Override
    public void restore(long mark) {
        int frames = (int) (mark >>> 32);
        int operands = (int) mark;
        while (callStack.size() > frames) {
            callStack.pop();
        }
        MStack values = stack();
        while (values.size() > operands) {
            values.pop();
        }
    }
}
