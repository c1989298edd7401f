package io.github.mqjssandbox.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes small, valid ES5 programs in the dialect of mquickjs: one statement (or the final
 * expression) per seed, deterministic in its seed and size, so that a program is a list of
 * {@code (seed, size)} parts that a shrinker can drop or make smaller. Every part refers
 * only to names the {@link #PRELUDE} declares, or to names it declares itself, so any
 * subset of the parts is still a program.
 *
 * <p>It covers the builtins of docs/globals.md (Object, Function, Number, String, Array,
 * Math, JSON, RegExp, typed arrays, errors), closures, getters and setters, prototypes,
 * labelled loops, switch, exceptions with finally, indirect eval and printing. It never
 * uses {@code Date.now()} (the two sides have different clocks); {@code Math.random()} is
 * seeded with 1 on both sides. Loops are bounded and recursion is not generated on
 * purpose, so every generated program ends quickly.
 */
public final class JsGenerator {
    /** Globals every part may read and overwrite. */
    static final String[] GLOBALS = {"v0", "v1", "v2", "v3", "v4", "v5"};
    static final String[] FUNCTIONS = {"f0", "f1", "f2"};

    public static final String PRELUDE = String.join("\n",
            "var v0 = 1, v1 = 'str', v2 = [1, 2, 3], v3 = {a: 1, b: 'x'}, v4 = -2.5, v5 = null;",
            "var f0 = function (a, b) { return a + b; };",
            "var f1 = function (a) { return typeof a; };",
            "var f2 = function (a, b) { return a < b ? -1 : a > b ? 1 : 0; };",
            "");

    private static final String[] NUMBERS = {
        "0", "1", "2", "3", "7", "10", "100", "255", "256", "65535", "65536", "-1", "-0", "0.5", "1.5",
        "-2.5", "0.1", "0.2", "3.14159", "123.456", "1e21", "1e-7", "1e300", "1e100", "0.000001",
        "123456789", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296",
        "1073741823", "1073741824", "-1073741824", "-1073741825", "536870912", "9007199254740991",
        "9007199254740993", "1.7976931348623157e308", "5e-324", "0x7fffffff", "0xff", "0x10", "NaN",
        "Infinity", "-Infinity", "1 / 3", "2e-7", "4.35", "1.005", "0.000001234", "1e+21", "99.99",
    };

    private static final String[] STRINGS = {
        "", "a", "abc", "Hello, World", " padded  ", "a,b,,c", "x-y-z", "ABC", "aBc", "123", "-45.6",
        "0x1A", "1e3", "  42  ", "NaN", "Infinity", "true", "null", "\u00e9t\u00e9", "\u4e2d\u6587",
        "\ud83d\ude00", "a\ud83d\ude00b", "\ud800", "\udc00x", "tab\there", "line\nbreak", "quote'\"",
        "back\\slash", "nul\u0000", "__proto__", "constructor", "toString", "length", "0", "1",
        "{\"a\":[1,2,{\"b\":null}]}", "[1,\"x\",true]", "\u2028", "\u00df", "\u0130", "\ufb00", "\u03a3A\u03a3",
        "aaaaaaaaaaaaaaaaaaaa", "The quick brown fox", "a1b2c3", "\u00ff\u0100", "%41", "\r\n", "  ",
    };

    private static final String[] JSON_TEXTS = {
        "{\"a\":1}", "[1,2,3]", "\"s\"", "true", "null", "1e5", "-0", "{\"a\":{\"b\":[]}}", "[1,]", "{a:1}",
        "'x'", "01", "1.", "\"\\u0041\"", "\"\\ud800\"", "  [ ]  ", "{\"__proto__\":1}", "[1e400]", "\"\t\"",
        "", "[[[[[]]]]]", "{\"a\":1,\"a\":2}", "-", "1e", "[\"\\ud83d\\ude00\"]", "123456789012345678901",
        "{\"0\":1,\"b\":2,\"1\":3}", "\"\\x41\"", "[true,false,null]", "0.1e-2", "{\"\":\"\"}",
    };

    private static final String[] MATH_1 = {
        "abs", "acos", "asin", "atan", "ceil", "clz32", "cos", "exp", "floor", "fround", "log", "log10",
        "log2", "round", "sign", "sin", "sqrt", "tan", "trunc",
    };
    private static final String[] MATH_2 = {"atan2", "imul", "pow", "max", "min"};
    private static final String[] MATH_CONSTANTS = {"PI", "E", "LN2", "LN10", "LOG2E", "LOG10E", "SQRT2", "SQRT1_2"};
    private static final String[] NUMBER_CONSTANTS = {
        "EPSILON", "MAX_SAFE_INTEGER", "MAX_VALUE", "MIN_SAFE_INTEGER", "MIN_VALUE", "NaN", "NEGATIVE_INFINITY",
        "POSITIVE_INFINITY",
    };
    private static final String[] TYPED_ARRAYS = {
        "Uint8ClampedArray", "Int8Array", "Uint8Array", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
        "Float32Array", "Float64Array",
    };
    private static final String[] ERRORS = {
        "Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError", "InternalError",
    };
    private static final String[] KEYS = {"a", "b", "c", "x", "length", "0", "1", "p", "toString", "valueOf", "__proto__", "constructor"};
    private static final String[] REGEXP_ATOMS = {
        "a", "b", "c", "x", "\\d", "\\w", "\\s", "\\D", "\\W", "\\S", ".", "[a-c]", "[^a]", "[0-9]", "\\.", "\\b",
        "\\u00e9", "[\\u4e00-\\u9fff]", "\\n", "A", "1", ",", "-", " ", "\\/", "[A-Z]", "\\uD83D\\uDE00",
    };
    private static final String[] REGEXP_FLAGS = {"", "", "g", "i", "gi", "m", "y", "s", "u", "gu", "gm"};

    private final SplittableRandom random;
    /** Nodes still allowed: bounds the size of one part whatever the draws. */
    private int nodes;
    private int freshNames;
    /** Names bound by enclosing function literals, usable in expressions. */
    private final List<String> locals = new ArrayList<>();
    private int loopDepth;

    /** Makes the names this part declares unique in the program: catch variables must be. */
    private final String nameSuffix;

    private JsGenerator(long seed, int size, int index) {
        this.random = new SplittableRandom(seed);
        this.nodes = 8 + 12 * size;
        this.nameSuffix = index < 0 ? "_last" : "_" + index;
    }

    /**
     * Statement number {@code index} of a program (or a few statements on one line).
     * {@code size} 0 gives the simplest ones.
     */
    public static String statement(long seed, int size, int index) {
        JsGenerator g = new JsGenerator(seed, size, index);
        return g.topLevel(Math.max(0, Math.min(size, 6)));
    }

    /** The program's last statement: an expression whose value the two sides must agree on. */
    public static String finalExpression(long seed, int size) {
        JsGenerator g = new JsGenerator(seed, size, -1);
        int depth = Math.max(0, Math.min(size, 4));
        if (g.chance(8)) {
            return "throw " + g.expr(Type.ANY, depth) + ";";
        }
        return g.expressionStatement(depth);
    }

    // ---- statements ----

    private String topLevel(int depth) {
        String s = statement(depth);
        switch (random.nextInt(7)) {
            case 0:
            case 1:
            case 2:
            case 3:
                String e = fresh("e");
                return "try { " + s + " } catch (" + e + ") { print('caught', " + describeError(e) + "); }";
            case 4:
                return "try { " + s + " } catch (" + fresh("e") + ") { print('caught'); }";
            default:
                return s;
        }
    }

    private String describeError(String e) {
        switch (random.nextInt(5)) {
            case 0:
                return e;
            case 1:
                return e + " && " + e + ".name, " + e + " && " + e + ".message";
            case 2:
                return "String(" + e + ")";
            case 3:
                return e + " instanceof Error ? " + e + ".stack : typeof " + e;
            default:
                return e + " instanceof " + pick(ERRORS) + ", " + e + " && " + e + ".name";
        }
    }

    private String statement(int depth) {
        nodes--;
        if (depth <= 0 || nodes <= 0) {
            return simpleStatement(0);
        }
        switch (random.nextInt(30)) {
            case 24:
            case 25:
                return numericStatement(depth);
            case 26:
                return conversionStatement(depth);
            case 27:
                return methodStatement(depth);
            case 28:
                return arrayLikeStatement(depth);
            case 0:
                return "if (" + expr(Type.BOOL, depth - 1) + ") { " + block(depth - 1) + " } else { " + block(depth - 1) + " }";
            case 1: {
                String i = fresh("i");
                loopDepth++;
                String body = block(depth - 1);
                loopDepth--;
                return "for (var " + i + " = 0; " + i + " < " + random.nextInt(7) + "; " + i + "++) { " + body
                        + " }";
            }
            case 2: {
                String w = fresh("w");
                loopDepth++;
                String body = block(depth - 1);
                loopDepth--;
                return "var " + w + " = 0; while (" + w + "++ < " + random.nextInt(6) + ") { " + body + " }";
            }
            case 3: {
                String w = fresh("w");
                loopDepth++;
                String body = block(depth - 1);
                loopDepth--;
                return "var " + w + " = 0; do { " + body + " } while (++" + w + " < " + random.nextInt(5) + ");";
            }
            case 4: {
                String k = fresh("k");
                return "for (var " + k + " in " + expr(chance(2) ? Type.OBJ : Type.ARR, depth - 1) + ") { print("
                        + k + ", typeof " + k + "); " + block(depth - 1) + " }";
            }
            case 5:
                return switchStatement(depth);
            case 6:
                return "try { " + block(depth - 1) + " } catch (" + fresh("e") + ") { " + block(depth - 1)
                        + " } finally { " + block(depth - 1) + " }";
            case 7: {
                String e = fresh("e");
                return "try { " + block(depth - 1) + " throw " + expr(Type.ANY, depth - 1) + "; } catch (" + e
                        + ") { print('thrown', " + describeError(e) + "); }";
            }
            case 8:
                return pick(FUNCTIONS) + " = " + functionLiteral(depth - 1, 2) + ";";
            case 9:
                return labelled(depth);
            case 10:
                return closure(depth);
            case 11:
                return accessor(depth);
            case 12:
                return constructorStatement(depth);
            case 13:
                return "print(JSON.stringify(" + expr(Type.ANY, depth - 1) + "));";
            case 14:
                return arrayMutation(depth);
            case 15: {
                String r = fresh("r");
                return "var " + r + " = " + finallyFunction(depth) + "(); print(" + r + ");";
            }
            case 16:
                return "print((1, eval)(" + jsString(expr(Type.ANY, Math.min(depth - 1, 2))) + "));";
            case 17:
                return "delete " + pick(GLOBALS) + "[" + key() + "]; print(" + expr(Type.ANY, depth - 1) + ");";
            case 18:
                return "print(" + expr(Type.ANY, depth) + ", " + expr(Type.ANY, depth - 1) + ");";
            case 19:
                return "console.log(" + expr(Type.STR, depth) + ");";
            case 20: {
                String g = fresh("g");
                locals.add("a");
                locals.add("b");
                String body = block(depth - 1) + " return " + expr(Type.ANY, depth - 1) + ";";
                locals.remove(locals.size() - 1);
                locals.remove(locals.size() - 1);
                return "var " + g + " = function " + g + "(a, b) { " + body + " }; print(" + g + "(" + expr(Type.ANY, depth - 1) + ", "
                        + expr(Type.NUM, depth - 1) + "), " + g + ".length);";
            }
            case 21:
                return typedArrayStatement(depth);
            case 22:
                return regexpStatement(depth);
            default:
                return simpleStatement(depth);
        }
    }

    /** Integer and float edges: the 31-bit integer fast paths, -0 (seen as 1 / x), wrapping and rounding. */
    private String numericStatement(int depth) {
        String x = fresh("n");
        String a = pick("1073741823", "1073741824", "-1073741824", "-1073741825", "2147483647", "-2147483648", "4294967295",
                "0", "-0", "1", "-1", "0.5", "-0.5", "2.5", "-2.5", "65535.5", "1e21", "NaN", "Infinity", "(0 * -1)",
                "(1 << 30)", "(1 << 31)", "-(1 << 30)", "(-1 >>> 0)", "5e-324", "(2 / 3)", String.valueOf(random.nextInt()));
        String b = numberLiteral();
        String op;
        switch (random.nextInt(8)) {
            case 0:
                op = x + " + " + b + ", " + x + " - " + b + ", " + x + " * " + b + ", " + x + " / " + b + ", " + x + " % " + b;
                break;
            case 1:
                op = x + " | 0, " + x + " >>> 0, " + x + " >> 1, " + x + " << 1, ~" + x + ", " + x + " ^ " + b + ", " + x + " & " + b;
                break;
            case 2:
                op = "1 / " + x + ", 1 / -" + x + ", 1 / (" + x + " * 0), 1 / Math.round(" + x + "), 1 / Math.ceil(" + x
                        + "), 1 / Math.trunc(" + x + "), 1 / (" + x + " % 1), 1 / Math.sign(" + x + ")";
                break;
            case 3:
                op = "-" + x + ", " + x + "++, " + x + ", ++" + x + ", " + x + "--, --" + x + ", " + x + " += " + b + ", " + x;
                break;
            case 4:
                op = "Math.imul(" + x + ", " + b + "), Math.clz32(" + x + "), Math.fround(" + x + "), Math.pow(" + x + ", " + b
                        + "), Math.atan2(" + x + ", " + b + "), Math.min(" + x + ", -0), Math.max(" + x + ", -0)";
                break;
            case 5:
                op = "new Int8Array([" + x + "])[0], new Uint8Array([" + x + "])[0], new Uint8ClampedArray([" + x
                        + "])[0], new Int16Array([" + x + "])[0], new Uint32Array([" + x + "])[0], new Int32Array([" + x
                        + "])[0], new Float32Array([" + x + "])[0], 1 / new Float64Array([" + x + "])[0]";
                break;
            case 6:
                op = x + ".toString(" + pick("2", "16", "36", "3", "7") + "), " + x + ".toFixed(" + random.nextInt(0, 21) + "), "
                        + x + ".toPrecision(" + random.nextInt(1, 22) + "), " + x + ".toExponential(" + random.nextInt(0, 21)
                        + "), String(" + x + "), " + x + " + ''";
                break;
            default:
                op = x + " < " + b + ", " + x + " == " + b + ", " + x + " === " + b + ", " + x + " > " + b + ", " + x + " != " + x
                        + ", isNaN(" + x + "), isFinite(" + x + "), " + x + " == '" + a.replace("(", "").replace(")", "") + "'";
        }
        return "var " + x + " = " + a + "; print(" + op + ");";
    }

    /** Conversions that run user code: valueOf and toString with side effects, and what they return. */
    private String conversionStatement(int depth) {
        String o = fresh("o");
        String valueOf = chance(3) ? "{}" : chance(2) ? expr(Type.NUM, depth - 1) : expr(Type.ANY, depth - 1);
        String toStr = chance(3) ? "{}" : expr(Type.STR, depth - 1);
        String def = "var " + o + " = {valueOf: function () { print('valueOf'); return " + valueOf + "; }, toString: function () {"
                + " print('toString'); return " + toStr + "; }}; ";
        String use;
        switch (random.nextInt(6)) {
            case 0:
                use = o + " + 1, " + o + " * 2, -" + o + ", " + o + " + ''";
                break;
            case 1:
                use = "String(" + o + "), [" + o + "].join(), " + o + " == 1, " + o + " < 'z'";
                break;
            case 2:
                use = "Number(" + o + "), parseInt(" + o + "), isNaN(" + o + "), Math.max(" + o + ", 0)";
                break;
            case 3:
                use = "[3, 1, 2][" + o + "], 'abc'.charAt(" + o + "), 'abc'.slice(" + o + "), new Array(3).join(" + o + ")";
                break;
            case 4:
                use = "JSON.stringify({k: " + o + "}), JSON.stringify([" + o + "]), typeof " + o;
                break;
            default:
                use = "new Uint8Array([" + o + "])[0], " + o + " | 0, " + o + " >>> 1, ~" + o;
        }
        return def + "print(" + use + ");";
    }

    /** Methods and {@code this}: calls through objects, call/apply/bind, constructors through bind. */
    private String methodStatement(int depth) {
        String o = fresh("o");
        StringBuilder sb = new StringBuilder("var " + o + " = {x: " + expr(Type.ANY, depth - 1)
                + ", m: function (a) { return [this === " + o + ", typeof this, this && this.x, a, arguments.length]; }}; ");
        switch (random.nextInt(5)) {
            case 0:
                sb.append("print(").append(o).append(".m(1), ").append(o).append(".m.call(").append(pick("null", "v3", "1", "'s'"))
                        .append(", 2), ").append(o).append(".m.apply(").append(o).append(", [3, 4]));");
                break;
            case 1:
                sb.append("var ").append(o).append("b = ").append(o).append(".m.bind(").append(pick("v3", o, "null"))
                        .append(", 'bound'); print(").append(o).append("b(), ").append(o).append("b.length, ").append(o)
                        .append("b.name);");
                break;
            case 2:
                sb.append("var ").append(o).append("f = ").append(o).append(".m; print(").append(o).append("f(5));");
                break;
            case 3:
                sb.append("var ").append(o).append("C = function (a, b) { this.a = a; this.b = b; }; var ").append(o)
                        .append("B = ").append(o).append("C.bind(null, ").append(expr(Type.ANY, depth - 1)).append("); var ")
                        .append(o).append("i = new ").append(o).append("B(").append(expr(Type.ANY, depth - 1))
                        .append("); print(JSON.stringify(").append(o).append("i), ").append(o).append("i instanceof ").append(o)
                        .append("C);");
                break;
            default:
                sb.append("print((function () { 'use strict'; return this; })(), (function () { return typeof this; })(), ")
                        .append(o).append(".m.call(undefined, ").append(expr(Type.ANY, depth - 1)).append("));");
        }
        return sb.toString();
    }

    /** Array methods on array-likes and strings, and arrays with extra properties. */
    private String arrayLikeStatement(int depth) {
        String o = fresh("l");
        String method = pick("join", "slice", "indexOf", "map", "filter", "reverse", "concat", "every", "some", "reduce", "push",
                "pop", "shift", "sort", "splice", "lastIndexOf", "forEach");
        String arg = method.equals("join") ? jsString(pick(",", "-", "")) : method.equals("map") || method.equals("filter")
                || method.equals("every") || method.equals("some") || method.equals("forEach") ? functionLiteral(depth - 1, 2)
                : method.equals("reduce") ? functionLiteral(depth - 1, 2) + ", ''" : smallInt();
        String target = pick("{length: 3, 0: 'a', 1: 'b', 2: 'c'}", "{length: 2, 1: 'x'}", "'str'", "{length: 1.5, 0: 'q'}",
                "{length: '2', 0: 1, 1: 2}", "{}", "arguments0");
        if (target.equals("arguments0")) {
            return "var " + o + " = (function () { return Array.prototype." + method + ".call(arguments, " + arg + "); })("
                    + expr(Type.ANY, depth - 1) + ", " + expr(Type.ANY, depth - 1) + "); print(" + o + ");";
        }
        return "var " + o + " = " + target + "; print(Array.prototype." + method + ".call(" + o + ", " + arg + "), JSON.stringify("
                + o + "));";
    }

    private String simpleStatement(int depth) {
        switch (random.nextInt(8)) {
            case 0:
            case 1:
                return pick(GLOBALS) + " = " + expr(Type.ANY, depth) + ";";
            case 2:
                return pick(GLOBALS) + "[" + key() + "] = " + expr(Type.ANY, depth) + ";";
            case 3:
                return expressionStatement(depth);
            case 4:
                if (loopDepth > 0 && chance(2)) {
                    return "if (" + expr(Type.BOOL, depth) + ") " + (chance(2) ? "break;" : "continue;");
                }
                return "print(" + expr(Type.ANY, depth) + ");";
            default:
                return "print(" + expr(Type.ANY, depth) + ");";
        }
    }

    private String block(int depth) {
        int n = random.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(statement(depth));
        }
        return sb.toString();
    }

    private String switchStatement(int depth) {
        StringBuilder sb = new StringBuilder("switch (" + expr(Type.ANY, depth - 1) + ") {");
        int cases = 1 + random.nextInt(3);
        for (int i = 0; i < cases; i++) {
            sb.append(" case ").append(chance(2) ? literal(Type.NUM) : literal(Type.STR)).append(": ")
                    .append(block(depth - 1));
            if (chance(3) || i == cases - 1) {
                sb.append(" break;");
            }
        }
        if (chance(2)) {
            sb.append(" default: ").append(block(depth - 1));
        }
        return sb.append(" }").toString();
    }

    private String labelled(int depth) {
        String label = fresh("L");
        String i = fresh("i");
        String j = fresh("j");
        loopDepth++;
        String body = block(depth - 1);
        loopDepth--;
        return label + ": for (var " + i + " = 0; " + i + " < 4; " + i + "++) { for (var " + j + " = 0; " + j + " < 4; "
                + j + "++) { if (" + j + " == " + random.nextInt(4) + ") continue " + label + "; if (" + i + " + " + j
                + " > " + random.nextInt(6) + ") break " + label + "; " + body + " print(" + i + ", " + j + "); } }";
    }

    private String closure(int depth) {
        String c = fresh("c");
        return "var " + c + " = (function () { var n = " + expr(Type.NUM, depth - 1) + "; return function (d) { n = n "
                + pick("+", "*", "-", "+") + " d; return n; }; })(); print(" + c + "(" + expr(Type.NUM, depth - 1) + "), "
                + c + "(" + literal(Type.NUM) + "), " + c + "(" + literal(Type.ANY) + "));";
    }

    private String accessor(int depth) {
        String target = pick(GLOBALS);
        String key = pick("p", "q", "a", "length", "0", "x");
        if (chance(2)) {
            String o = fresh("o");
            return "var " + o + " = { _v: " + expr(Type.ANY, depth - 1) + ", get " + key + "() { return this._v; }, set "
                    + key + "(x) { this._v = " + expr(Type.ANY, depth - 1, "x") + "; } }; " + o + "['" + key + "'] = "
                    + expr(Type.ANY, depth - 1) + "; print(" + o + "['" + key + "'], JSON.stringify(" + o + "), Object.keys("
                    + o + "));";
        }
        return "Object.defineProperty(" + target + ", '" + key + "', {get: function () { return "
                + expr(Type.ANY, depth - 1) + "; }, set: function (x) { print('set', x); }, configurable: "
                + pick("true", "false") + ", enumerable: " + pick("true", "false") + "}); print(" + target + "['" + key
                + "']); " + target + "['" + key + "'] = " + expr(Type.ANY, depth - 1) + ";";
    }

    private String constructorStatement(int depth) {
        String c = fresh("C");
        String sub = fresh("D");
        StringBuilder sb = new StringBuilder();
        sb.append("var ").append(c).append(" = function (x) { this.x = x; }; ");
        sb.append(c).append(".prototype.get = function () { return this.x; }; ");
        sb.append(c).append(".prototype.toString = function () { return 'C(' + this.x + ')'; }; ");
        if (chance(2)) {
            sb.append("var ").append(sub).append(" = function (x, y) { ").append(c).append(".call(this, x); this.y = y; }; ");
            sb.append(sub).append(".prototype = Object.create(").append(c).append(".prototype); ");
            sb.append(sub).append(".prototype.constructor = ").append(sub).append("; ");
            String v = pick(GLOBALS);
            sb.append(v).append(" = new ").append(sub).append("(").append(expr(Type.ANY, depth - 1)).append(", ")
                    .append(expr(Type.ANY, depth - 1)).append("); ");
            sb.append("print(").append(v).append(" instanceof ").append(c).append(", String(").append(v).append("), ")
                    .append(v).append(".get(), ").append(v).append(".y, Object.getPrototypeOf(Object.getPrototypeOf(")
                    .append(v).append(")) === ").append(c).append(".prototype);");
        } else {
            String v = pick(GLOBALS);
            sb.append(v).append(" = new ").append(c).append("(").append(expr(Type.ANY, depth - 1)).append("); ");
            sb.append("print(").append(v).append(".get(), '' + ").append(v).append(", ").append(v).append(" instanceof ")
                    .append(c).append(", ").append(v).append(".hasOwnProperty('x'), ").append(v)
                    .append(".hasOwnProperty('get'));");
        }
        return sb.toString();
    }

    private String arrayMutation(int depth) {
        String a = pick(GLOBALS);
        String fresh = fresh("a");
        String init = "var " + fresh + " = " + expr(Type.ARR, depth - 1) + "; ";
        String target = chance(2) ? fresh : a;
        String op;
        switch (random.nextInt(9)) {
            case 0:
                op = target + ".push(" + expr(Type.ANY, depth - 1) + ", " + expr(Type.ANY, depth - 1) + ")";
                break;
            case 1:
                op = target + ".pop()";
                break;
            case 2:
                op = target + ".shift()";
                break;
            case 3:
                op = target + ".unshift(" + expr(Type.ANY, depth - 1) + ")";
                break;
            case 4:
                op = target + ".splice(" + smallInt() + ", " + smallInt() + (chance(2) ? ", " + expr(Type.ANY, depth - 1) : "")
                        + ")";
                break;
            case 5:
                op = target + ".sort(" + (chance(2) ? "" : comparator(depth - 1)) + ")";
                break;
            case 6:
                op = target + ".reverse()";
                break;
            case 7:
                op = target + ".length = " + smallInt();
                break;
            default:
                op = target + "[" + smallInt() + "] = " + expr(Type.ANY, depth - 1);
                break;
        }
        return init + "print(" + op + ", " + target + ", " + target + ".length);";
    }

    private String typedArrayStatement(int depth) {
        String t = fresh("t");
        String type = pick(TYPED_ARRAYS);
        StringBuilder sb = new StringBuilder("var " + t + " = " + typedArray(type, depth - 1) + "; ");
        switch (random.nextInt(5)) {
            case 0:
                sb.append(t).append("[").append(smallInt()).append("] = ").append(expr(Type.NUM, depth - 1)).append("; ");
                break;
            case 1:
                sb.append(t).append(".set(").append(expr(Type.ARR, depth - 1)).append(chance(2) ? ", " + smallInt() : "")
                        .append("); ");
                break;
            case 2: {
                String u = fresh("u");
                sb.append("var ").append(u).append(" = new ").append(pick(TYPED_ARRAYS)).append("(").append(t)
                        .append(".buffer); print(").append(u).append(".length, ").append(u).append(".join()); ");
                break;
            }
            case 3:
                sb.append("print(").append(t).append(".subarray(").append(smallInt()).append(", ").append(smallInt())
                        .append(").join('|')); ");
                break;
            default: {
                String i = fresh("i");
                sb.append("for (var ").append(i).append(" = 0; ").append(i).append(" < ").append(t).append(".length; ")
                        .append(i).append("++) ").append(t).append("[").append(i).append("] = ")
                        .append(expr(Type.NUM, depth - 1, i)).append("; ");
            }
        }
        sb.append("print(").append(t).append(", ").append(t).append(".length, ").append(t).append(".byteLength, ")
                .append(t).append(".byteOffset, ").append(type).append(".BYTES_PER_ELEMENT, String(").append(t).append("));");
        return sb.toString();
    }

    private String regexpStatement(int depth) {
        String re = fresh("re");
        String s = recv(Type.STR, depth - 1);
        StringBuilder sb = new StringBuilder("var " + re + " = " + regexp() + "; ");
        switch (random.nextInt(6)) {
            case 0:
                String m = fresh("m");
                sb.append("var ").append(m).append(" = ").append(re).append(".exec(").append(s).append("); print(")
                        .append(m).append(", ").append(m).append(" && ").append(m).append(".index, ").append(re)
                        .append(".lastIndex);");
                break;
            case 1:
                sb.append("print(").append(re).append(".test(").append(s).append("), ").append(re).append(".lastIndex, ")
                        .append(re).append(".test(").append(s).append("), ").append(re).append(".lastIndex);");
                break;
            case 2:
                sb.append("print(").append(s).append(".replace(").append(re).append(", ")
                        .append(chance(2) ? jsString(pick("$&", "[$1]", "$$", "$'", "$`", "x", "$2$1", "")) : replacer(depth - 1))
                        .append("));");
                break;
            case 3:
                sb.append("print(").append(s).append(".split(").append(re).append(chance(3) ? ", " + smallInt() : "")
                        .append("));");
                break;
            case 4:
                sb.append("print(").append(s).append(".match(").append(re).append("), ").append(s).append(".search(")
                        .append(re).append("));");
                break;
            default:
                sb.append(re).append(".lastIndex = ").append(smallInt()).append("; print(").append(re).append(".exec(")
                        .append(s).append("), ").append(re).append(".source, ").append(re).append(".flags, ")
                        .append(re).append(".lastIndex);");
        }
        return sb.toString();
    }

    private String finallyFunction(int depth) {
        return "(function () { var log = []; try { log.push(1); " + block(depth - 1) + (chance(2) ? " throw " + literal(Type.ANY) + ";" : "")
                + " return log; } catch (x) { log.push('c'); return " + pick("log", "x", "'catch'") + "; } finally { log.push('f'); "
                + (chance(3) ? "return 'finally';" : "") + " } })";
    }

    // ---- expressions ----

    enum Type { NUM, STR, BOOL, ARR, OBJ, FUN, ANY }

    private String expr(Type type, int depth, String extraLocal) {
        locals.add(extraLocal);
        try {
            return expr(type, depth);
        } finally {
            locals.remove(locals.size() - 1);
        }
    }

    private String expr(Type type, int depth) {
        nodes--;
        if (depth <= 0 || nodes <= 0 || chance(5)) {
            return atom(type);
        }
        int d = depth - 1;
        switch (type) {
            case NUM:
                return number(d);
            case STR:
                return string(d);
            case BOOL:
                return bool(d);
            case ARR:
                return array(d);
            case OBJ:
                return object(d);
            case FUN:
                return function(d);
            default:
                switch (random.nextInt(10)) {
                    case 0:
                    case 1:
                        return number(d);
                    case 2:
                    case 3:
                        return string(d);
                    case 4:
                        return bool(d);
                    case 5:
                        return array(d);
                    case 6:
                        return object(d);
                    case 7:
                        return function(d);
                    default:
                        return any(d);
                }
        }
    }

    /** An expression to call a method on or read a property of: parenthesised unless a plain name. */
    private String recv(Type type, int depth) {
        String e = expr(type, depth);
        return e.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? e : "(" + e + ")";
    }

    /** An expression statement: one that starts like a declaration or a block is parenthesised. */
    private String expressionStatement(int depth) {
        String e = expr(Type.ANY, depth);
        return (e.startsWith("function") || e.startsWith("{") ? "(" + e + ")" : e) + ";";
    }

    private String atom(Type type) {
        if (chance(3)) {
            return variable();
        }
        return literal(type);
    }

    private String variable() {
        if (!locals.isEmpty() && chance(2)) {
            return locals.get(random.nextInt(locals.size()));
        }
        return pick(GLOBALS);
    }

    private String literal(Type type) {
        switch (type) {
            case NUM:
                return numberLiteral();
            case STR:
                return jsString(stringValue());
            case BOOL:
                return pick("true", "false");
            case ARR:
                return "[" + literal(Type.NUM) + ", " + literal(Type.STR) + "]";
            case OBJ:
                return "{" + propertyName() + ": " + literal(Type.NUM) + "}";
            case FUN:
                return pick(FUNCTIONS);
            default:
                switch (random.nextInt(8)) {
                    case 0:
                        return "null";
                    case 1:
                        return "undefined";
                    case 2:
                    case 3:
                        return numberLiteral();
                    case 4:
                    case 5:
                        return jsString(stringValue());
                    case 6:
                        return pick("true", "false");
                    default:
                        return pick("[]", "{}", "[0]", "{a: 1}", "NaN", "Infinity", "Math", "JSON");
                }
        }
    }

    private String numberLiteral() {
        String n;
        switch (random.nextInt(4)) {
            case 0:
                n = String.valueOf(random.nextInt(-20, 40));
                break;
            case 1:
                n = String.valueOf(Math.round(random.nextDouble(-1000, 1000) * 100) / 100.0);
                break;
            default:
                n = pick(NUMBERS);
        }
        return n.startsWith("-") || n.contains(" ") ? "(" + n + ")" : n;
    }

    private String stringValue() {
        if (chance(6)) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                sb.appendCodePoint(randomCodePoint());
            }
            return sb.toString();
        }
        return pick(STRINGS);
    }

    private int randomCodePoint() {
        switch (random.nextInt(5)) {
            case 0:
                return random.nextInt(0x20, 0x7f);
            case 1:
                return random.nextInt(0, 0x100);
            case 2:
                return random.nextInt(0x100, 0xd800);
            case 3:
                return random.nextInt(0xd800, 0xe000); // a lone surrogate, as a JS string may hold
            default:
                return random.nextInt(0x10000, 0x110000);
        }
    }

    private String number(int d) {
        switch (random.nextInt(22)) {
            case 0:
            case 1:
            case 2:
                return "(" + expr(Type.NUM, d) + " " + pick("+", "-", "*", "/", "%", "+", "-", "*") + " " + expr(Type.NUM, d) + ")";
            case 3:
                return "(" + expr(Type.NUM, d) + " " + pick("&", "|", "^", "<<", ">>", ">>>") + " " + expr(Type.NUM, d) + ")";
            case 4:
                return pick("-", "~", "+", "- -") + "(" + expr(Type.ANY, d) + ")";
            case 5:
                return "Math." + pick(MATH_1) + "(" + expr(Type.NUM, d) + ")";
            case 6:
                return "Math." + pick(MATH_2) + "(" + expr(Type.NUM, d) + ", " + expr(Type.NUM, d)
                        + (chance(3) ? ", " + expr(Type.ANY, d) : "") + ")";
            case 7:
                return recv(Type.STR, d) + "." + pick("length", "charCodeAt(" + smallInt() + ")", "codePointAt(" + smallInt() + ")",
                        "indexOf(" + expr(Type.STR, d) + ")", "lastIndexOf(" + expr(Type.STR, d) + ")");
            case 8:
                return recv(Type.ARR, d) + "." + pick("length", "indexOf(" + expr(Type.ANY, d) + ")",
                        "lastIndexOf(" + expr(Type.ANY, d) + ")", "push(" + expr(Type.ANY, d) + ")");
            case 9:
                return "parseInt(" + expr(Type.STR, d) + (chance(2) ? ", " + pick("2", "8", "10", "16", "36", "0", "1", "37") : "") + ")";
            case 10:
                return pick("parseFloat", "Number", "Number.parseFloat", "Number.parseInt") + "(" + expr(Type.ANY, d) + ")";
            case 11:
                return chance(2) ? "Number." + pick(NUMBER_CONSTANTS) : "Math." + pick(MATH_CONSTANTS);
            case 12:
                return recv(Type.ARR, d) + ".reduce(" + functionLiteral(d, 2) + (chance(3) ? "" : ", " + expr(Type.ANY, d)) + ")";
            case 13:
                return pick(FUNCTIONS) + "(" + expr(Type.ANY, d) + ", " + expr(Type.ANY, d) + ")";
            case 14:
                return "(" + expr(Type.BOOL, d) + " ? " + expr(Type.NUM, d) + " : " + expr(Type.NUM, d) + ")";
            case 15:
                return "new " + pick(TYPED_ARRAYS) + "(" + expr(Type.ARR, d) + ")[" + smallInt() + "]";
            case 16:
                return "Math.random() < " + pick("2", "0.5", "0") + " ? " + (chance(2) ? "1" : "Math.floor(Math.random() * 1000)") + " : 0";
            case 17:
                return pick(GLOBALS) + pick("++", "--");
            case 18:
                return "Math." + pick(MATH_2) + ".apply(null, " + expr(Type.ARR, d) + ")";
            case 19:
                return "(" + expr(Type.NUM, d) + ")." + pick("valueOf()", "toString().length");
            case 20:
                return "Object.keys(" + expr(Type.ANY, d) + ").length";
            default:
                return "(" + expr(Type.ANY, d) + " " + pick("+", "-", "*", "/", "%") + " " + expr(Type.ANY, d) + ")";
        }
    }

    private String string(int d) {
        switch (random.nextInt(26)) {
            case 0:
                return "(" + expr(Type.NUM, d) + ")." + pick("toString(" + pick("", "2", "8", "16", "36", "10", "1", "37") + ")",
                        "toFixed(" + pick("0", "1", "2", "5", "20", "21", "100", "101", "-1") + ")",
                        "toPrecision(" + pick("", "1", "3", "10", "21", "100", "0", "101") + ")",
                        "toExponential(" + pick("", "0", "2", "10", "20", "100", "101") + ")");
            case 1:
                return "String(" + expr(Type.ANY, d) + ")";
            case 2:
            case 3:
                return "(" + expr(Type.STR, d) + " + " + expr(Type.ANY, d) + ")";
            case 4:
                return recv(Type.STR, d) + "." + pick("charAt(" + smallInt() + ")", "slice(" + smallSigned() + ")",
                        "slice(" + smallSigned() + ", " + smallSigned() + ")", "substring(" + smallSigned() + ", " + smallInt() + ")");
            case 5:
                return recv(Type.STR, d) + "." + pick("toUpperCase()", "toLowerCase()", "trim()", "trimStart()", "trimEnd()");
            case 6:
                return recv(Type.STR, d) + ".concat(" + expr(Type.ANY, d) + (chance(2) ? ", " + expr(Type.ANY, d) : "") + ")";
            case 7:
                return recv(Type.STR, d) + "." + pick("replace", "replaceAll") + "(" + (chance(2) ? expr(Type.STR, d) : regexp())
                        + ", " + (chance(3) ? replacer(d) : expr(Type.STR, d)) + ")";
            case 8:
                return recv(Type.STR, d) + ".split(" + (chance(2) ? expr(Type.STR, d) : regexp()) + ").join(" + expr(Type.STR, d) + ")";
            case 9:
                return recv(Type.ARR, d) + ".join(" + (chance(2) ? "" : expr(Type.STR, d)) + ")";
            case 10:
            case 11:
                return "JSON.stringify(" + expr(Type.ANY, d) + ")";
            case 12:
                return "typeof " + expr(Type.ANY, d);
            case 13:
                return "String.fromCharCode(" + expr(Type.NUM, d) + (chance(2) ? ", " + expr(Type.NUM, d) : "") + ")";
            case 14:
                return "String.fromCodePoint(" + pick("65", "0x1F600", "0x10FFFF", "0x110000", "-1", "1.5", "0xD800", "960")
                        + (chance(2) ? ", " + smallInt() : "") + ")";
            case 15:
                return recv(Type.STR, d) + ".repeat(" + pick("0", "1", "2", "3", "-1", "Infinity", "1.5") + ")";
            case 16:
                return "(" + recv(Type.STR, d) + ".match(" + regexp() + ") || []).join('|')";
            case 17:
                return regexp() + "." + pick("source", "flags", "toString()");
            case 18:
                return recv(Type.ANY, d) + ".toString()";
            case 19:
                return "Object.keys(" + expr(Type.ANY, d) + ").join()";
            case 20:
                return "new " + pick(ERRORS) + "(" + expr(Type.STR, d) + ")." + pick("message", "name", "toString()");
            case 21:
                return "Object.prototype.toString.call(" + expr(Type.ANY, d) + ")";
            case 22:
                return recv(Type.FUN, d) + ".toString()";
            case 23:
                return "(" + expr(Type.ANY, d) + " + '')";
            case 24:
                return typedArray(pick(TYPED_ARRAYS), d) + ".join(" + expr(Type.STR, d) + ")";
            default:
                return "(" + expr(Type.BOOL, d) + " ? " + expr(Type.STR, d) + " : " + expr(Type.STR, d) + ")";
        }
    }

    private String bool(int d) {
        switch (random.nextInt(14)) {
            case 0:
            case 1:
                return "(" + expr(Type.ANY, d) + " " + pick("<", ">", "<=", ">=", "==", "!=", "===", "!==") + " " + expr(Type.ANY, d) + ")";
            case 2:
                return "!" + expr(Type.ANY, d);
            case 3:
                return "(" + expr(Type.ANY, d) + " " + pick("&&", "||") + " " + expr(Type.ANY, d) + ")";
            case 4:
                return pick("Array.isArray", "isNaN", "isFinite", "Boolean") + "(" + expr(Type.ANY, d) + ")";
            case 5:
                return regexp() + ".test(" + expr(Type.STR, d) + ")";
            case 6:
                return recv(Type.OBJ, d) + ".hasOwnProperty(" + key() + ")";
            case 7:
                return "(" + key() + " in " + expr(Type.OBJ, d) + ")";
            case 8:
                return "(" + expr(Type.ANY, d) + " instanceof " + pick("Object", "Array", "Function", "Error", "TypeError", "RegExp",
                        "Uint8Array", "String", "Number") + ")";
            case 9:
                return recv(Type.ARR, d) + "." + pick("every", "some") + "(" + functionLiteral(d, 1) + ")";
            case 10:
                return "(" + expr(Type.NUM, d) + " " + pick("<", ">", "===", "==") + " " + expr(Type.STR, d) + ")";
            case 11:
                return "(typeof " + expr(Type.ANY, d) + " === " + jsString(pick("number", "string", "object", "function",
                        "undefined", "boolean")) + ")";
            case 12:
                return "(" + expr(Type.STR, d) + " < " + expr(Type.STR, d) + ")";
            default:
                return "(" + expr(Type.NUM, d) + " !== " + expr(Type.NUM, d) + ")";
        }
    }

    private String array(int d) {
        switch (random.nextInt(16)) {
            case 0:
            case 1:
            case 2: {
                StringBuilder sb = new StringBuilder("[");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "").append(expr(Type.ANY, d));
                }
                return sb.append("]").toString();
            }
            case 3:
                return recv(Type.ARR, d) + ".slice(" + smallSigned() + (chance(2) ? ", " + smallSigned() : "") + ")";
            case 4:
                return recv(Type.ARR, d) + ".concat(" + expr(Type.ANY, d) + ")";
            case 5:
                return recv(Type.ARR, d) + ".map(" + functionLiteral(d, 3) + ")";
            case 6:
                return recv(Type.ARR, d) + ".filter(" + functionLiteral(d, 2) + ")";
            case 7:
                return recv(Type.STR, d) + ".split(" + (chance(2) ? expr(Type.STR, d) : jsString(pick("", ",", " ", "a")))
                        + (chance(3) ? ", " + smallInt() : "") + ")";
            case 8:
                return "[" + literal(Type.NUM) + ", " + literal(Type.NUM) + ", " + literal(Type.NUM) + ", " + literal(Type.STR)
                        + "].sort(" + (chance(2) ? "" : comparator(d)) + ")";
            case 9:
                return "new Array(" + pick("0", "1", "3", "5", "-1", "1.5", "'3'") + ")";
            case 10:
                return "Object.keys(" + expr(Type.ANY, d) + ")";
            case 11:
                return "(" + recv(Type.STR, d) + ".match(" + regexp() + ") || [])";
            case 12:
                return "(" + regexp() + ".exec(" + expr(Type.STR, d) + ") || [])";
            case 13:
                return "Array.prototype.slice.call(" + typedArray(pick(TYPED_ARRAYS), d) + ")";
            case 14:
                return recv(Type.ARR, d) + ".reverse()";
            default:
                return "JSON.parse(" + jsString(pick("[]", "[1,2]", "[\"a\",{\"b\":1}]", "[1e21,-0,0.1]", "[null,true]")) + ")";
        }
    }

    private String object(int d) {
        switch (random.nextInt(12)) {
            case 0:
            case 1:
            case 2: {
                StringBuilder sb = new StringBuilder("{");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "").append(propertyName()).append(": ").append(expr(Type.ANY, d));
                }
                return sb.append("}").toString();
            }
            case 3:
                return "JSON.parse(" + jsString(pick(JSON_TEXTS)) + ")";
            case 4:
                return "Object.create(" + pick("null", "Object.prototype", "v3", "{a: 2}", "Array.prototype") + ")";
            case 5:
                return "new " + pick(ERRORS) + "(" + expr(Type.STR, d) + ")";
            case 6:
                return "Object.setPrototypeOf(" + expr(Type.OBJ, d) + ", " + pick("null", "v3", "Array.prototype", "{z: 9}") + ")";
            case 7:
                return "Object.defineProperty(" + expr(Type.OBJ, d) + ", " + key() + ", {value: " + expr(Type.ANY, d)
                        + ", writable: " + pick("true", "false") + ", enumerable: " + pick("true", "false") + "})";
            case 8:
                return "Object.getPrototypeOf(" + expr(Type.ANY, d) + ")";
            case 9:
                return regexp();
            case 10:
                return typedArray(pick(TYPED_ARRAYS), d);
            default:
                return "{get " + propertyName() + "() { return " + expr(Type.ANY, d) + "; }, " + propertyName() + ": "
                        + expr(Type.ANY, d) + "}";
        }
    }

    private String function(int d) {
        switch (random.nextInt(6)) {
            case 0:
            case 1:
                return functionLiteral(d, 2);
            case 2:
                return pick(FUNCTIONS) + ".bind(" + pick("null", "v3", "{x: 1}") + ", " + expr(Type.ANY, d) + ")";
            case 3:
                return "Math." + pick(MATH_1);
            case 4:
                return pick("String", "Number", "Boolean", "Object", "Array", "Error", "RegExp", "Function.prototype.call", "parseInt");
            default:
                return pick(FUNCTIONS);
        }
    }

    private String any(int d) {
        switch (random.nextInt(13)) {
            case 10:
                return "(function (x) { return function (y) { return " + expr(Type.ANY, d, "y") + "; }; })(" + expr(Type.ANY, d) + ")("
                        + expr(Type.ANY, d) + ")";
            case 11:
                return "[" + expr(Type.ANY, d) + ", " + expr(Type.ANY, d) + "][" + pick("0", "1", "2", "'length'", "-1") + "]";
            case 12:
                return "(" + recv(Type.OBJ, d) + ")[" + key() + "]";
            case 0:
                return pick(FUNCTIONS) + "." + pick("call", "apply") + "(" + pick("null", "v3", "undefined") + ", "
                        + expr(Type.ARR, d) + ")";
            case 1:
                return pick(GLOBALS) + "[" + key() + "]";
            case 2:
                return "(" + expr(Type.ANY, d) + ", " + expr(Type.ANY, d) + ")";
            case 3:
                return "JSON.parse(" + (chance(2) ? jsString(pick(JSON_TEXTS)) : "JSON.stringify(" + expr(Type.ANY, d) + ")") + ")";
            case 4:
                return "(" + expr(Type.BOOL, d) + " ? " + expr(Type.ANY, d) + " : " + expr(Type.ANY, d) + ")";
            case 5:
                return "(" + pick(GLOBALS) + " = " + expr(Type.ANY, d) + ")";
            case 6:
                return "(function () { return arguments.length + ':' + Array.prototype.join.call(arguments, '/'); })("
                        + expr(Type.ANY, d) + ", " + expr(Type.ANY, d) + ")";
            case 7:
                return expr(Type.FUN, d) + "(" + expr(Type.ANY, d) + ", " + expr(Type.ANY, d) + ")";
            case 8:
                return "void " + expr(Type.ANY, d);
            default:
                return "(1, eval)(" + jsString(literal(Type.ANY)) + ")";
        }
    }

    private String functionLiteral(int d, int params) {
        List<String> names = List.of("x", "y", "z").subList(0, params);
        locals.addAll(names);
        try {
            String body = chance(3) ? "var t = " + expr(Type.ANY, d) + "; " : "";
            return "function (" + String.join(", ", names) + ") { " + body + "return " + expr(Type.ANY, d) + "; }";
        } finally {
            for (int i = 0; i < names.size(); i++) {
                locals.remove(locals.size() - 1);
            }
        }
    }

    private String comparator(int d) {
        switch (random.nextInt(4)) {
            case 0:
                return "function (x, y) { return x - y; }";
            case 1:
                return "function (x, y) { return x < y ? 1 : x > y ? -1 : 0; }";
            case 2:
                return "f2";
            default:
                return functionLiteral(d, 2);
        }
    }

    private String replacer(int d) {
        locals.add("m");
        locals.add("p1");
        try {
            return "function (m, p1) { return " + expr(Type.ANY, d) + "; }";
        } finally {
            locals.remove(locals.size() - 1);
            locals.remove(locals.size() - 1);
        }
    }

    private String typedArray(String type, int d) {
        switch (random.nextInt(5)) {
            case 0:
                return "new " + type + "(" + pick("0", "1", "4", "8", "-1", "1.5") + ")";
            case 1:
                return "new " + type + "(" + expr(Type.ARR, d) + ")";
            case 2:
                return "new " + type + "(new ArrayBuffer(" + pick("8", "16", "0", "3") + ")" + (chance(2) ? ", " + pick("0", "4", "8", "1") : "")
                        + ")";
            case 3:
                return "new " + type + "([" + literal(Type.NUM) + ", " + literal(Type.NUM) + ", " + literal(Type.NUM) + ", "
                        + literal(Type.NUM) + "])";
            default:
                return "new " + type + "([1, 2, 3, 4]).subarray(" + smallSigned() + ")";
        }
    }

    /** A regular expression literal or constructor call, with a small pattern. */
    private String regexp() {
        String pattern = chance(4) ? pick("(a)|b", "(\\d+)-(\\d+)", "^\\s+|\\s+$", "(?:ab)+", "a(?=b)", "a(?!b)", "([a-z])\\1",
                "[^]", "x*", "\\bfox\\b", "(.)(.)", "$", "^", "o", "(a|ab)(c|bcd)(d*)", "[\\s\\S]", "\\u{1F600}", "(?<n>a)")
                : generatedPattern(1 + random.nextInt(4));
        String flags = pick(REGEXP_FLAGS);
        if (chance(4)) {
            return "new RegExp(" + jsString(pattern) + (flags.isEmpty() ? "" : ", " + jsString(flags)) + ")";
        }
        return "/" + pattern + "/" + flags;
    }

    private String generatedPattern(int atoms) {
        StringBuilder sb = new StringBuilder();
        if (chance(5)) {
            sb.append('^');
        }
        for (int i = 0; i < atoms; i++) {
            String atom = pick(REGEXP_ATOMS);
            if (chance(4)) {
                atom = "(" + atom + (chance(3) ? "|" + pick(REGEXP_ATOMS) : "") + ")";
            }
            sb.append(atom);
            if (chance(3)) {
                sb.append(pick("*", "+", "?", "{2}", "{1,3}", "*?", "+?", "{0,}"));
            }
        }
        if (chance(5)) {
            sb.append('$');
        }
        return sb.toString();
    }

    private String key() {
        return chance(4) ? String.valueOf(random.nextInt(-1, 5)) : jsString(pick(KEYS));
    }

    private String propertyName() {
        return pick("a", "b", "c", "x", "length", "'0'", "1", "'a b'", "toString", "valueOf", "__proto__", "'\u00e9'", "\"q\"");
    }

    private String smallInt() {
        return String.valueOf(random.nextInt(0, 6));
    }

    private String smallSigned() {
        int n = random.nextInt(-4, 6);
        return n < 0 ? "(" + n + ")" : String.valueOf(n);
    }

    private String fresh(String prefix) {
        return prefix + (freshNames++) + nameSuffix;
    }

    private boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    /** A JS string literal for {@code s}, escaping what must be escaped and, at random, more. */
    String jsString(String s) {
        char quote = chance(2) ? '\'' : '"';
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    && chance(2)) {
                sb.append(c).append(s.charAt(++i)); // an astral character as raw UTF-8 in the source
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) || (c > 0x7e && chance(2))) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(quote).toString();
    }
}
