package io.github.mqjssandbox.wasmtools.wasm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the committed fixture modules from the test class path. */
public final class Fixtures {
    public static final String INTERP_O2 = "interp-O2.wasm";
    public static final String INTERP_O0 = "interp-O0.wasm";
    public static final String ALL_INSTRUCTIONS = "all-instructions.wasm";

    /** Calls of the interp fixtures' exports (function name, arguments), made against an original and a rewritten module. */
    public static final Object[][] INTERP_CALLS = {
        {"vm_sum_squares", new long[] {10}},
        {"vm_sum_squares", new long[] {200}},
        {"vm_host", new long[] {20, 22}},
        {"fib", new long[] {20}},
        {"parity", new long[] {301}},
        {"parity", new long[] {200}},
        {"ackermann", new long[] {2, 3}},
        {"fold", new long[] {0, 100}},
        {"fold", new long[] {1, 10}},
        {"fold", new long[] {2, 77}},
        {"mem_mix", new long[] {-3, 200}},
        {"mem_move", new long[] {10, 3, 100}},
        {"float_mix", new long[] {12345}},
        {"sign_ext", new long[] {0x1280, -7}},
    };


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
