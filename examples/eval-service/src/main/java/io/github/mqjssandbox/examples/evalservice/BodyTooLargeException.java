package io.github.mqjssandbox.examples.evalservice;

/** The request body is over the server's limit: answered with 413. */
final class BodyTooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(String message) {
        super(message);
    }
}
