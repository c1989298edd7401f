package io.github.mqjssandbox.transpile;

/**
 * A lexical scan for the two shapes of source that make the compiler's recursion deep, run
 * before the compiler sees the source: brackets nested deep, and long chains of member
 * accesses, calls and indexes ({@code x.a.b[0]()…}), which nest in the syntax tree without a
 * bracket level and which Closure's parser handles in time quadratic in their length (and
 * without looking at interrupts: 100,000 links keep it busy for over a minute).
 *
 * <p>One pass over the characters; it skips strings, comments, template text and regular
 * expression literals (told from a division by what precedes the slash, the usual heuristic).
 * A misjudged slash may skip or count a few brackets of one line: the scan is a cheap first
 * answer, and the compiler's bounded stack and deadline stay behind it.
 */
final class NestingScan {
    /** The shape found too deep. */
    enum Shape { BRACKETS, CHAIN }

    /** Where the scan stopped: the index of the bracket or link one past the limit. */
    record Finding(Shape shape, int index) {}

    /** What a bracket level closes into: ordinary code, or the text of the template that opened it with {@code ${}. */
    private static final byte CODE = 0;
    private static final byte TEMPLATE = 1;

    private final String source;
    private final int limit;
    private final byte[] levels;
    /** Links of the chain under way at each level ({@code f(x.a.b)}: the call's chain waits while the argument's grows). */
    private final int[] chains;
    private int depth;
    private int i;
    /** The last token ended an operand: a following {@code . ( [} continues a chain, a {@code /} divides. */
    private boolean afterOperand;

    private NestingScan(String source, int limit) {
        this.source = source;
        this.limit = limit;
        this.levels = new byte[limit];
        this.chains = new int[limit + 1];
    }

    /** The first place where {@code source} goes past {@code limit} levels or links, or null. */
    static Finding firstTooDeep(String source, int limit) {
        return new NestingScan(source, limit).scan();
    }

    private Finding scan() {
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            switch (c) {
                case '(', '[' -> {
                    if (afterOperand && !link()) {
                        return new Finding(Shape.CHAIN, i);
                    }
                    if (!open(CODE)) {
                        return new Finding(Shape.BRACKETS, i);
                    }
                    i++;
                    afterOperand = false;
                }
                case '{' -> {
                    if (!open(CODE)) {
                        return new Finding(Shape.BRACKETS, i);
                    }
                    i++;
                    afterOperand = false;
                }
                case ')', ']' -> {
                    close();
                    i++;
                    afterOperand = true; // the chain of the level below goes on: f(a)(b)
                }
                case '}' -> {
                    boolean backToTemplate = depth > 0 && levels[depth - 1] == TEMPLATE;
                    close();
                    i++;
                    if (backToTemplate) {
                        Finding deeper = templateText();
                        if (deeper != null) {
                            return deeper;
                        }
                    } else {
                        afterOperand = false;
                    }
                }
                case '`' -> {
                    i++;
                    Finding deeper = templateText();
                    if (deeper != null) {
                        return deeper;
                    }
                }
                case '\'', '"' -> {
                    skipString(c);
                    operand();
                }
                case '/' -> slash();
                case '.' -> {
                    if (i + 2 < n && source.charAt(i + 1) == '.' && source.charAt(i + 2) == '.') {
                        i += 3; // spread or rest
                        newExpression();
                    } else if (afterOperand) {
                        if (!link()) {
                            return new Finding(Shape.CHAIN, i);
                        }
                        i++;
                        afterOperand = false;
                        word(); // the property name continues the chain
                    } else {
                        i++; // the start of a number such as .5
                    }
                }
                case '?' -> {
                    if (i + 1 < n && source.charAt(i + 1) == '.' && !(i + 2 < n && Character.isDigit(source.charAt(i + 2)))) {
                        if (afterOperand && !link()) {
                            return new Finding(Shape.CHAIN, i);
                        }
                        i += 2;
                        afterOperand = false;
                        word();
                    } else {
                        i++;
                        newExpression();
                    }
                }
                default -> {
                    if (Character.isWhitespace(c)) {
                        i++;
                    } else if (isWordChar(c)) {
                        chains[depth] = 0;
                        word();
                    } else {
                        i++;
                        newExpression(); // an operator, a comma, a semicolon…
                    }
                }
            }
        }
        return null;
    }

    /** One more link in the current level's chain; false past the limit. */
    private boolean link() {
        return ++chains[depth] <= limit;
    }

    private void operand() {
        chains[depth] = 0;
        afterOperand = true;
    }

    private void newExpression() {
        chains[depth] = 0;
        afterOperand = false;
    }

    private boolean open(byte kind) {
        if (depth == limit) {
            return false;
        }
        levels[depth++] = kind;
        chains[depth] = 0;
        return true;
    }

    private void close() {
        if (depth > 0) {
            depth--; // an unmatched closer is the parser's to report
        }
    }

    /** A name, keyword or number; leaves the chain count alone (a property name continues it). */
    private void word() {
        int start = i;
        while (i < source.length() && isWordChar(source.charAt(i))) {
            i++;
        }
        if (i > start) {
            afterOperand = true;
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '\\' || c > 0x7f && !Character.isWhitespace(c);
    }

    /**
     * Template text up to its closing backtick, or into a {@code ${} level: null, or the finding
     * when that level is one too many.
     */
    private Finding templateText() {
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                i++;
                operand();
                return null;
            } else if (c == '$' && i + 1 < n && source.charAt(i + 1) == '{') {
                if (!open(TEMPLATE)) {
                    return new Finding(Shape.BRACKETS, i);
                }
                i += 2;
                afterOperand = false;
                return null;
            } else {
                i++;
            }
        }
        return null;
    }

    private void skipString(char quote) {
        int n = source.length();
        i++;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                i++;
                return;
            } else {
                i++;
            }
        }
    }

    /** A comment, a division, or a regular expression literal (which is skipped like a string). */
    private void slash() {
        int n = source.length();
        if (i + 1 < n && source.charAt(i + 1) == '/') {
            int end = source.indexOf('\n', i);
            i = end < 0 ? n : end + 1;
        } else if (i + 1 < n && source.charAt(i + 1) == '*') {
            int end = source.indexOf("*/", i + 2);
            i = end < 0 ? n : end + 2;
        } else if (afterOperand) {
            i++;
            newExpression();
        } else {
            skipRegex();
            operand();
            word(); // its flags
        }
    }

    private void skipRegex() {
        int n = source.length();
        boolean inClass = false;
        i++;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\n') {
                return;
            } else if (c == '[') {
                inClass = true;
                i++;
            } else if (c == ']') {
                inClass = false;
                i++;
            } else if (c == '/' && !inClass) {
                i++;
                return;
            } else {
                i++;
            }
        }
    }
}
