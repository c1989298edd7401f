package io.github.mqjssandbox.internal.wasm;

/** The module asks for an import the sandbox does not provide (deny by default). */
public final class ImportNotAllowedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ImportNotAllowedException(String message) {
        super(message);
    }
}
