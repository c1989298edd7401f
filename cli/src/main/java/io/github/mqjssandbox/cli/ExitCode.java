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

    static int of(ErrorKind kind) {
        if (kind.isLimit()) {
            return LIMIT;
        }
        switch (kind) {
            case SYNTAX:
            case RUNTIME:
            case HOST:
                return JS_ERROR;
            default:
                return INTERNAL;
        }
    }
}
