package io.github.mqjssandbox.examples.evalservice;

import io.github.mqjssandbox.ErrorKind;

/** How a {@code POST /eval} ended, for the counts in {@code GET /metrics}. */
enum Outcome {
    /** 200: the script ran to the end. */
    OK("ok"),
    // 200 with {"ok": false}: the script failed or hit a limit; one per ErrorKind, same label
    SYNTAX("syntax"),
    RUNTIME("runtime"),
    TIMEOUT("timeout"),
    FUEL("fuel"),
    MEMORY("memory"),
    OUTPUT("output"),
    HOST("host"),
    INTERNAL("internal"),
    CANCELLED("cancelled"),
    /** 400: malformed JSON or fields. */
    BAD_REQUEST("badRequest"),
    /** 405: not a POST. */
    METHOD_NOT_ALLOWED("methodNotAllowed"),
    /** 413: the body is over the limit. */
    BODY_TOO_LARGE("bodyTooLarge"),
    /** 503: no evaluation slot free in time. */
    BUSY("busy"),
    /** No response: the connection broke while reading the request or writing the answer. */
    CLIENT_GONE("clientGone"),
    /** 500: a bug in the service; never caused by a script. */
    SERVER_ERROR("serverError");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Outcome of(ErrorKind kind) {
        return valueOf(kind.name());
    }
}
