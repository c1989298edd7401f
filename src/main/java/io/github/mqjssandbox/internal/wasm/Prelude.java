package io.github.mqjssandbox.internal.wasm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scripts run in a context before it becomes an {@link EngineTemplate}: every sandbox made from
 * that template starts with what they defined, at no cost per sandbox. A part is either source,
 * parsed when the template is made, or bytecode the build compiled from source (the library's
 * compatibility layer), which the engine runs without parsing. Preludes are equal when their
 * parts are, so equal configurations share one template.
 */
public final class Prelude {
    /** No script: the engine's own global environment. */
    public static final Prelude NONE = new Prelude(List.of());

    private static final String COMPAT_NAME = "compat/prelude.js";
    private static final String COMPAT_BYTECODE = "compat/prelude.bytecode";
    private static volatile Prelude compat;

    /** One script: its name in stack traces, and its UTF-8 source or its bytecode. */
    record Part(String fileName, byte[] bytes, boolean bytecode) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Part part && part.bytecode == bytecode && part.fileName.equals(fileName)
                    && Arrays.equals(part.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return (fileName.hashCode() * 31 + Arrays.hashCode(bytes)) * 31 + Boolean.hashCode(bytecode);
        }
    }

    private final List<Part> parts;
    private final int hash;
    /** How long each source part may run; not part of equality (whichever made the template). */
    private final long sourceTimeoutNanos;

    private Prelude(List<Part> parts) {
        this(parts, DEFAULT_SOURCE_TIMEOUT_NANOS);
    }

    private Prelude(List<Part> parts, long sourceTimeoutNanos) {
        this.parts = List.copyOf(parts);
        this.hash = this.parts.hashCode();
        this.sourceTimeoutNanos = sourceTimeoutNanos;
    }

    private static final long DEFAULT_SOURCE_TIMEOUT_NANOS = Duration.ofSeconds(10).toNanos();

    /** The compatibility layer (docs/compatibility.md), read from the library's resources once. */
    public static Prelude compat() {
        Prelude loaded = compat;
        if (loaded == null) {
            synchronized (Prelude.class) {
                if (compat == null) {
                    compat = new Prelude(List.of(new Part(COMPAT_NAME, read(COMPAT_BYTECODE), true)));
                }
                loaded = compat;
            }
        }
        return loaded;
    }

    /** This prelude, then a script's source, run in that order. */
    public Prelude thenSource(String fileName, byte[] sourceUtf8) {
        List<Part> more = new ArrayList<>(parts);
        more.add(new Part(fileName, sourceUtf8.clone(), false));
        return new Prelude(more);
    }

    /** The same scripts, each source part stopped after {@code timeout}. */
    public Prelude withSourceTimeout(Duration timeout) {
        boolean anySource = parts.stream().anyMatch(part -> !part.bytecode());
        return anySource ? new Prelude(parts, timeout.toNanos()) : this;
    }

    long sourceTimeoutNanos() {
        return sourceTimeoutNanos;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Prelude.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the library's resource " + resource
                        + " is missing (it is a build output of wasm/Makefile)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the library's resource " + resource, e);
        }
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    List<Part> parts() {
        return parts;
    }

    /** Linear memory the bytecode parts hold for the context's life, outside the JS heap. */
    public int residentBytes() {
        int total = 0;
        for (Part part : parts) {
            total += part.bytecode() ? part.bytes().length + 16 : 0; // and the allocator's header
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Prelude prelude && prelude.hash == hash && prelude.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
