package io.github.mqjssandbox.transpile;

/** A 1-based line and column in a source as its author wrote it (columns count UTF-16 code units). */
public record SourcePosition(int line, int column) {

    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    /** The position of the character at {@code index} of {@code text}. */
    static SourcePosition ofIndex(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < index; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new SourcePosition(line, index - lineStart + 1);
    }
}
