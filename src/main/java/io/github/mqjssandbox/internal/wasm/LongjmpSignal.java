package io.github.mqjssandbox.internal.wasm;

/**
 * Thrown by the {@code _emscripten_throw_longjmp} import and caught by the nearest
 * {@code invoke_*} trampoline: Emscripten's setjmp/longjmp ABI unwinds the wasm frames
 * between them with a host exception. It carries no stack trace because it is control
 * flow, not an error.
 */
final class LongjmpSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final LongjmpSignal INSTANCE = new LongjmpSignal();

    private LongjmpSignal() {
        super("longjmp", null, false, false);
    }
}
