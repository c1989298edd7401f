package io.github.mqjssandbox.fuzz;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A generated program as its shrinkable description: statement parts and the final
 * expression, each a {@code (seed, size)} pair for {@link JsGenerator}, and optionally
 * mutations (seeds for {@link Mutator}) that make it almost valid.
 */
public record FuzzProgram(List<Part> parts, Part last, List<Long> mutations) {
    public record Part(long seed, int size) {
        @Override
        public String toString() {
            return seed + "/" + size;
        }
    }

    public FuzzProgram {
        parts = List.copyOf(parts);
        mutations = List.copyOf(mutations);
    }

    /** The valid program, before any mutation. */
    public String generatedSource() {
        StringBuilder sb = new StringBuilder(JsGenerator.PRELUDE);
        for (int i = 0; i < parts.size(); i++) {
            sb.append(JsGenerator.statement(parts.get(i).seed(), parts.get(i).size(), i)).append('\n');
        }
        return sb.append(JsGenerator.finalExpression(last.seed(), last.size())).append('\n').toString();
    }

    public String source() {
        return Mutator.apply(generatedSource(), mutations);
    }

    public FuzzProgram withParts(List<Part> newParts) {
        return new FuzzProgram(newParts, last, mutations);
    }

    public FuzzProgram withLast(Part newLast) {
        return new FuzzProgram(parts, newLast, mutations);
    }

    public FuzzProgram withMutations(List<Long> newMutations) {
        return new FuzzProgram(parts, last, newMutations);
    }

    /** Enough to make the program again: {@code parts=[s/n, ...] last=s/n mutations=[...]}. */
    @Override
    public String toString() {
        return "parts=" + parts.stream().map(Part::toString).collect(Collectors.joining(", ", "[", "]")) + " last=" + last
                + " mutations=" + mutations;
    }
}
