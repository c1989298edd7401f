package io.github.mqjssandbox.wasmtools.wasm;

/** A run of {@code count} locals of one type, as the code section declares them. */
public record LocalGroup(int count, ValType type) {
    public LocalGroup {
        if (count < 0 || type == null) {
            throw new IllegalArgumentException("local group needs a type and a non-negative count");
        }
    }
}
