package io.github.mqjssandbox.examples.evalservice;

/** The request is malformed: answered with 400 and this message. */
final class BadRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message);
    }
}
