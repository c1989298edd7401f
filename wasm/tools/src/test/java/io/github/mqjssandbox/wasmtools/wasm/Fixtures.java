package io.github.mqjssandbox.wasmtools.wasm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the committed fixture modules from the test class path. */
public final class Fixtures {
    public static final String INTERP_O2 = "interp-O2.wasm";
    public static final String INTERP_O0 = "interp-O0.wasm";
    public static final String ALL_INSTRUCTIONS = "all-instructions.wasm";

    private Fixtures() {
    }

    public static byte[] load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
