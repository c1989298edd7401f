package io.github.mqjssandbox.fuzz;

import java.util.List;

/** How the sandbox's outcome of one program compares with the native reference's. */
public record Verdict(Type type, Outcome reference, Outcome sandbox, List<String> differences) {
    public enum Type {
        /** Same value, display, output, error name, message and stack. */
        MATCH,
        /** A memory, time or output limit on either side: such limits are met at different points. */
        INCOMPARABLE,
        MISMATCH,
        /** The sandbox answered {@code internal}. */
        INTERNAL,
        /** The native reference crashed. */
        NATIVE_CRASH,
    }

    public static Verdict of(Outcome reference, Outcome sandbox) {
        if (sandbox.kind() == Outcome.Kind.INTERNAL) {
            return new Verdict(Type.INTERNAL, reference, sandbox, List.of("sandbox: " + firstLine(sandbox.detail())));
        }
        if (reference.kind() == Outcome.Kind.CRASH) {
            return new Verdict(Type.NATIVE_CRASH, reference, sandbox, List.of("native: " + reference.detail()));
        }
        if (!reference.comparable() || !sandbox.comparable()) {
            return new Verdict(Type.INCOMPARABLE, reference, sandbox, List.of());
        }
        List<String> diffs = normalise(reference).differences(normalise(sandbox));
        return new Verdict(diffs.isEmpty() ? Type.MATCH : Type.MISMATCH, reference, sandbox, diffs);
    }

    /** The API has no null message and no empty stack: the same fact either way. */
    private static Outcome normalise(Outcome o) {
        boolean error = o.kind() == Outcome.Kind.RUNTIME || o.kind() == Outcome.Kind.SYNTAX
                || o.kind() == Outcome.Kind.UNCATCHABLE;
        String message = error && o.errorMessage() == null ? "" : o.errorMessage();
        String stack = o.errorStack() != null && o.errorStack().isEmpty() ? null : o.errorStack();
        return new Outcome(o.kind(), o.value(), o.display(), o.errorName(), message, stack, o.output(), null);
    }

    public boolean isFinding() {
        return type == Type.MISMATCH || type == Type.INTERNAL || type == Type.NATIVE_CRASH;
    }

    /** What kind of finding this is, for grouping: the type and the fields that differ. */
    public String signature() {
        StringBuilder sb = new StringBuilder(type.name().toLowerCase());
        if (type == Type.INTERNAL) {
            sb.append('-').append(firstLine(sandbox.detail()).replaceAll("[^A-Za-z]+", "_"));
        } else if (type == Type.NATIVE_CRASH) {
            sb.append('-').append(reference.detail().replaceAll("[^A-Za-z0-9]+", "_"));
        } else {
            for (String d : differences) {
                sb.append('-').append(d, 0, d.indexOf(':'));
            }
        }
        String s = sb.toString();
        return s.length() > 80 ? s.substring(0, 80) : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Why a verdict is incomparable: "sandbox MEMORY", "native TIMEOUT", "heap-size dependent"... */
    public String incomparableReason() {
        if (type != Type.INCOMPARABLE) {
            return "";
        }
        if (!differences.isEmpty()) {
            return differences.get(0);
        }
        return !sandbox.comparable() ? "sandbox " + sandbox.kind() : "native " + reference.kind();
    }

    public String describe() {
        return type + (differences.isEmpty() ? "" : "\n  " + String.join("\n  ", differences));
    }
}
