package io.github.mqjssandbox.fuzz;

import java.util.List;

/**
 * One differential run: the program in the sandbox first; the native reference only when the
 * sandbox met no limit (the reference has no timeout or output limit of its own, so a
 * program that loops forever is stopped by the sandbox and never given to it).
 *
 * <p>A 64-bit engine spends about twice the heap of the 32-bit one on the same values, so a
 * program that runs out of memory and catches the error (deep recursion, a runaway loop)
 * shows different output on the two sides at the same heap size. Before a difference counts
 * as a mismatch, the sandbox runs the program again with other heap sizes: if its own
 * outcome changes with the heap size, the program is heap-size dependent and incomparable.
 */
public final class DifferentialRun {
    private final SandboxRunner sandbox;
    private final NativeReference reference;

    public DifferentialRun(SandboxRunner sandbox, NativeReference reference) {
        this.sandbox = sandbox;
        this.reference = reference;
    }

    public SandboxRunner sandbox() {
        return sandbox;
    }

    public Verdict run(String source) {
        Outcome inSandbox = sandbox.run(source);
        if (!inSandbox.comparable()) {
            return new Verdict(Verdict.Type.INCOMPARABLE, Outcome.of(Outcome.Kind.TIMEOUT, "not run"), inSandbox, List.of());
        }
        Verdict v = Verdict.of(reference.run(source), inSandbox);
        if (v.type() == Verdict.Type.MISMATCH && heapSizeDependent(source, inSandbox, v.reference())) {
            return new Verdict(Verdict.Type.INCOMPARABLE, v.reference(), v.sandbox(), List.of("heap-size dependent"));
        }
        return v;
    }

    private boolean heapSizeDependent(String source, Outcome atLimit, Outcome native64) {
        if (mentionsMemory(atLimit) || mentionsMemory(native64)) {
            return true;
        }
        int limit = sandbox.memoryLimit();
        for (int other : new int[] {limit / 2, limit * 2, limit * 4}) {
            if (!sandbox.withMemoryLimit(other).run(source).equals(atLimit)) {
                return true;
            }
        }
        return false;
    }

    /** A caught out-of-memory error that the program printed. */
    private static boolean mentionsMemory(Outcome o) {
        String out = o.output() == null ? "" : o.output();
        return out.contains("out of memory") || out.contains("not enough memory") || out.contains("stack overflow");
    }
}
