package io.github.mqjssandbox.cli;

import io.github.mqjssandbox.JsException;

/**
 * Whether a syntax error only says that the input stops too early: the engine reports such an
 * error at the position just past the last character ({@code function f(a) {} gives "expecting
 * '}'" there), or as an unterminated comment. Then the REPL reads another line instead of
 * reporting it. Nothing was run: the engine parses the whole input before running any of it.
 */
final class IncompleteInput {
    private IncompleteInput() {}

    static boolean is(JsException e, String code) {
        if (!"SyntaxError".equals(e.name())) {
            return false;
        }
        if (e.jsMessage() != null && e.jsMessage().startsWith("unexpected end of comment")) {
            return true;
        }
        if (e.line().isEmpty() || e.column().isEmpty()) {
            return false;
        }
        int lastBreak = code.lastIndexOf('\n');
        int endLine = (int) code.chars().filter(c -> c == '\n').count() + 1;
        int endColumn = code.length() - (lastBreak + 1) + 1;
        return e.line().getAsInt() == endLine && e.column().getAsInt() >= endColumn;
    }
}
