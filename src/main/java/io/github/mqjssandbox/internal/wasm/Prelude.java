package io.github.mqjssandbox.internal.wasm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A script evaluated into a context before it becomes an {@link EngineTemplate}: every sandbox
 * made from that template starts with what it defined, at no cost per sandbox. Templates are
 * told apart by prelude identity, so each prelude is one shared instance.
 */
public final class Prelude {
    /** No script: the engine's own global environment. */
    public static final Prelude NONE = new Prelude("", new byte[0]);

    private static final String COMPAT_RESOURCE = "compat/prelude.js";
    private static volatile Prelude compat;

    private final String fileName;
    private final byte[] sourceUtf8;

    private Prelude(String fileName, byte[] sourceUtf8) {
        this.fileName = fileName;
        this.sourceUtf8 = sourceUtf8;
    }

    /** The compatibility layer (docs/compatibility.md), read from the library's resources once. */
    public static Prelude compat() {
        Prelude loaded = compat;
        if (loaded == null) {
            synchronized (Prelude.class) {
                if (compat == null) {
                    compat = new Prelude(COMPAT_RESOURCE, read(COMPAT_RESOURCE));
                }
                loaded = compat;
            }
        }
        return loaded;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Prelude.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the library's resource " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the library's resource " + resource, e);
        }
    }

    boolean isEmpty() {
        return sourceUtf8.length == 0;
    }

    /** The name its functions carry in stack traces. */
    String fileName() {
        return fileName;
    }

    byte[] sourceUtf8() {
        return sourceUtf8;
    }
}
