package io.github.mqjssandbox.examples.evalservice;

/** No evaluation slot became free in time: answered with 503 and a Retry-After header. */
final class ServiceBusyException extends Exception {
    private static final long serialVersionUID = 1L;

    ServiceBusyException(String message) {
        super(message);
    }
}
