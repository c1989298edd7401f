package io.github.mqjssandbox.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a finding's reproducer small: first on the program's description (drop parts and
 * mutations, shrink sizes), then on its text (drop lines, then ever smaller runs of tokens),
 * keeping each step only while the finding still shows with the same signature. Bounded by
 * a number of runs and a time, as each run costs a sandbox and a native process.
 */
public final class Minimiser {
    private final Predicate<String> stillFails;
    private final long deadlineNanos;
    private int runsLeft;

    public Minimiser(Predicate<String> stillFails, int maxRuns, Duration maxTime) {
        this.stillFails = stillFails;
        this.runsLeft = maxRuns;
        this.deadlineNanos = System.nanoTime() + maxTime.toNanos();
    }

    private boolean test(String source) {
        if (runsLeft <= 0 || System.nanoTime() - deadlineNanos > 0) {
            runsLeft = 0;
            return false;
        }
        runsLeft--;
        return stillFails.test(source);
    }

    public String minimise(FuzzProgram program) {
        FuzzProgram p = program;
        boolean progress = true;
        while (progress && runsLeft > 0) {
            progress = false;
            for (int i = p.mutations().size() - 1; i >= 0; i--) {
                List<Long> fewer = new ArrayList<>(p.mutations());
                fewer.remove(i);
                FuzzProgram q = p.withMutations(fewer);
                if (test(q.source())) {
                    p = q;
                    progress = true;
                }
            }
            for (int i = p.parts().size() - 1; i >= 0; i--) {
                List<FuzzProgram.Part> fewer = new ArrayList<>(p.parts());
                fewer.remove(i);
                FuzzProgram q = p.withParts(fewer);
                if (test(q.source())) {
                    p = q;
                    progress = true;
                }
            }
            for (int i = 0; i < p.parts().size(); i++) {
                FuzzProgram.Part part = p.parts().get(i);
                if (part.size() > 0) {
                    List<FuzzProgram.Part> smaller = new ArrayList<>(p.parts());
                    smaller.set(i, new FuzzProgram.Part(part.seed(), part.size() - 1));
                    FuzzProgram q = p.withParts(smaller);
                    if (test(q.source())) {
                        p = q;
                        progress = true;
                    }
                }
            }
            if (p.last().size() > 0) {
                FuzzProgram q = p.withLast(new FuzzProgram.Part(p.last().seed(), p.last().size() - 1));
                if (test(q.source())) {
                    p = q;
                    progress = true;
                }
            }
        }
        return minimiseText(p.source());
    }

    /** Delta debugging on lines, then on tokens: removes runs of halving length while the finding stays. */
    public String minimiseText(String source) {
        String s = source;
        s = String.join("", reduce(splitLines(s)));
        s = String.join("", reduce(Mutator.tokens(s)));
        return s;
    }

    private List<String> reduce(List<String> units) {
        List<String> current = new ArrayList<>(units);
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1 && runsLeft > 0; chunk /= 2) {
            boolean removed = true;
            while (removed && runsLeft > 0) {
                removed = false;
                for (int start = current.size() - chunk; start >= 0 && runsLeft > 0; start -= chunk) {
                    List<String> candidate = new ArrayList<>(current.subList(0, start));
                    candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                    if (test(String.join("", candidate))) {
                        current = candidate;
                        removed = true;
                    }
                }
            }
        }
        return current;
    }

    private static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                lines.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }
}
