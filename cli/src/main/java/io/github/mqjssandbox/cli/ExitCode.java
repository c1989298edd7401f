package io.github.mqjssandbox.cli;

import io.github.mqjssandbox.ErrorKind;

/** The CLI's exit statuses, part of its contract. */
final class ExitCode {
    static final int OK = 0;
    static final int JS_ERROR = 1;
    static final int USAGE = 2;
    static final int LIMIT = 3;
    static final int INTERNAL = 70;

    private ExitCode() {}

    /** No default: a new kind does not compile until it has a status here. */
    static int of(ErrorKind kind) {
        return switch (kind) {
            case SYNTAX, RUNTIME, HOST -> JS_ERROR;
            case TIMEOUT, FUEL, MEMORY, OUTPUT -> LIMIT;
            // CANCELLED and MAPPING are API-only: the CLI never cancels nor asks for a Java type
            case INTERNAL, CANCELLED, MAPPING -> INTERNAL;
        };
    }
}
