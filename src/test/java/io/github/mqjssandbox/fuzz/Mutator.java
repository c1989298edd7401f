package io.github.mqjssandbox.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a program almost valid: each mutation seed deletes, duplicates, swaps or replaces
 * tokens, truncates the text, or inserts an odd character (controls, NUL, line and
 * paragraph separators, BOM, astral characters...), to drive the parser and its error paths.
 */
public final class Mutator {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|[A-Za-z_$][A-Za-z0-9_$]*|[0-9][A-Za-z0-9_.]*|'(?:\\\\.|[^'\\\\\\n])*'|\"(?:\\\\.|[^\"\\\\\\n])*\"|(?s:.)");
    private static final String[] REPLACEMENTS = {
        "{", "}", "(", ")", "[", "]", ";", ",", ".", "=", "==", "===", "+", "-", "*", "/", "%", "!", "?", ":", "&&",
        "||", "++", "--", "<<", ">>>", "=>", "...", "function", "var", "let", "const", "return", "if", "else", "for",
        "while", "do", "in", "of", "new", "delete", "typeof", "instanceof", "this", "null", "undefined", "throw", "try",
        "catch", "finally", "break", "continue", "switch", "case", "default", "get", "set", "class", "yield", "with",
        "debugger", "arguments", "eval", "0", "1", "-1", "0x", "1e", "1.5", ".5", "''", "\"\"", "'\\u{'", "/a/", "/[/",
        "/(?:/", "`", "#", "@", "\\", "\\u0061", "print", "Infinity", "NaN", "v0", "f0", "a", "x",
    };
    private static final String[] ODD = {
        "\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001f", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029",
        "\ufeff", "\u200b", "\u3000", "\ufffd", "\uffff", "\ud83d\ude00", "\udbff\udfff", "\u0301", "\\", "\"", "'", "/",
        "*", "`", "\n", "\r", "\t", "$", "_", "\u00e9", "\u4e2d", "\uD800", "/*", "*/", "//", "<!--", "-->",
    };

    private Mutator() {}

    public static String apply(String source, List<Long> mutations) {
        String s = source;
        for (long seed : mutations) {
            s = mutate(s, seed);
        }
        return s;
    }

    static List<String> tokens(String s) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static String mutate(String source, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> t = tokens(source);
        if (t.isEmpty()) {
            return ODD[r.nextInt(ODD.length)];
        }
        int i = r.nextInt(t.size());
        switch (r.nextInt(10)) {
            case 0:
            case 1:
                t.remove(i);
                break;
            case 2:
                t.add(i, t.get(i));
                break;
            case 3: {
                int j = nextSolid(t, i + 1);
                if (j < t.size()) {
                    String x = t.get(i);
                    t.set(i, t.get(j));
                    t.set(j, x);
                }
                break;
            }
            case 4: {
                int j = r.nextInt(t.size());
                String x = t.get(i);
                t.set(i, t.get(j));
                t.set(j, x);
                break;
            }
            case 5:
                t.set(i, REPLACEMENTS[r.nextInt(REPLACEMENTS.length)]);
                break;
            case 6: {
                String odd = r.nextInt(4) == 0 ? randomCharacter(r) : ODD[r.nextInt(ODD.length)];
                String tok = t.get(i);
                int at = r.nextInt(tok.length() + 1);
                if (at > 0 && at < tok.length() && Character.isLowSurrogate(tok.charAt(at))) {
                    at--;
                }
                t.set(i, tok.substring(0, at) + odd + tok.substring(at));
                break;
            }
            case 7:
                return String.join("", t.subList(0, i));
            case 8: {
                int end = Math.min(t.size(), i + 1 + r.nextInt(6));
                List<String> span = new ArrayList<>(t.subList(i, end));
                t.addAll(r.nextInt(t.size() + 1), span);
                break;
            }
            default: {
                int end = Math.min(t.size(), i + 1 + r.nextInt(6));
                t.subList(i, end).clear();
            }
        }
        return String.join("", t);
    }

    private static int nextSolid(List<String> t, int from) {
        int j = from;
        while (j < t.size() && t.get(j).isBlank()) {
            j++;
        }
        return j;
    }

    private static String randomCharacter(SplittableRandom r) {
        switch (r.nextInt(3)) {
            case 0:
                return String.valueOf((char) r.nextInt(0, 0x80));
            case 1:
                return String.valueOf((char) r.nextInt(0x80, 0xd800));
            default:
                return new String(Character.toChars(r.nextInt(0x10000, 0x110000)));
        }
    }
}
