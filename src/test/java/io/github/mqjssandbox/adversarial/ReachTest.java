package io.github.mqjssandbox.adversarial;

import static io.github.mqjssandbox.adversarial.Adversary.assertEvaluates;
import static io.github.mqjssandbox.adversarial.Adversary.assertFails;
import static io.github.mqjssandbox.adversarial.Adversary.assertJsError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.ErrorKind;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.internal.JsonTrees;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a script can reach. BuiltinsTest pins the global names and exercises every builtin;
 * here the whole object graph reachable from the global object is walked, names other
 * runtimes expose are probed, and the ways to the global object and to eval are tried: for the
 * engine's own environment ({@code compatPrelude(false)}), and for the default one, where the
 * compatibility prelude adds JavaScript functions, written over the same builtins, and nothing
 * native.
 */
class ReachTest {
    /**
     * Every object reachable from globalThis through own properties and prototypes, with the
     * name of every function found on the way. (Two catch clauses may not share a name in this
     * engine, hence e1, e2, e3.)
     */
    private static final String WALK = "(function () {"
            + " var names = {}, visited = [], queue = [globalThis];"
            + " while (queue.length) {"
            + "   var o = queue.shift();"
            + "   if (visited.indexOf(o) >= 0) continue;"
            + "   visited.push(o);"
            + "   var keys = [], proto = null;"
            + "   try { keys = Object.keys(o); } catch (e1) {}"
            + "   try { proto = Object.getPrototypeOf(o); } catch (e2) {}"
            + "   if (proto) queue.push(proto);"
            + "   for (var i = 0; i < keys.length; i++) {"
            + "     var v;"
            + "     try { v = o[keys[i]]; } catch (e3) { continue; }"
            + "     if (typeof v === 'function') {"
            + "       var m = /^function ([^(]*)\\(/.exec(String(v));"
            + "       names[m ? m[1] : '?' + String(v)] = true;"
            + "     }"
            + "     if (v !== null && (typeof v === 'object' || typeof v === 'function')) queue.push(v);"
            + "   }"
            + " }"
            + " return [visited.length, Object.keys(names).sort()];"
            + "})()";

    /** The name of every function reachable from the global object (docs/globals.md). */
    private static final List<String> BUILTIN_FUNCTIONS = List.of(
            "Array", "ArrayBuffer", "Boolean", "Date", "Error", "EvalError", "Float32Array", "Float64Array",
            "Function", "Int16Array", "Int32Array", "Int8Array", "InternalError", "Number", "Object", "RangeError",
            "ReferenceError", "RegExp", "String", "SyntaxError", "TypeError", "TypedArray", "URIError", "Uint16Array",
            "Uint32Array", "Uint8Array", "Uint8ClampedArray", "abs", "acos", "apply", "asin", "atan", "atan2", "bind",
            "call", "ceil", "charAt", "charCodeAt", "clz32", "codePointAt", "concat", "cos", "create", "defineProperty",
            "eval", "every", "exec", "exp", "filter", "floor", "forEach", "fromCharCode", "fromCodePoint", "fround",
            "getPrototypeOf", "hasOwnProperty", "imul", "indexOf", "isArray", "isFinite", "isNaN", "join", "keys",
            "lastIndexOf", "log", "log10", "log2", "map", "match", "max", "min", "now", "parse", "parseFloat",
            "parseInt", "pop", "pow", "print", "push", "random", "reduce", "reduceRight", "repeat", "replace",
            "replaceAll", "reverse", "round", "search", "set", "setPrototypeOf", "shift", "sign", "sin", "slice",
            "some", "sort", "splice", "split", "sqrt", "stringify", "subarray", "substring", "tan", "test",
            "toExponential", "toFixed", "toLowerCase", "toPrecision", "toString", "toUpperCase", "trim", "trimEnd",
            "trimStart", "trunc", "unshift");
    private static final int REACHABLE_OBJECTS = 156;
    /**
     * The functions the compatibility prelude adds (docs/compatibility.md), all written in
     * JavaScript; those it replaces (Object.create, match, replace, search, toString, Date,
     * Date.parse) keep their names.
     */
    private static final List<String> PRELUDE_FUNCTIONS = List.of(
            "UTC", "assign", "decodeURI", "decodeURIComponent", "defineProperties", "encodeURI", "encodeURIComponent",
            "endsWith", "escape", "find", "findIndex", "getDate", "getDay", "getFullYear", "getHours",
            "getMilliseconds", "getMinutes", "getMonth", "getOwnPropertyNames", "getSeconds", "getTime",
            "getTimezoneOffset", "getUTCDate", "getUTCDay", "getUTCFullYear", "getUTCHours", "getUTCMilliseconds",
            "getUTCMinutes", "getUTCMonth", "getUTCSeconds", "getYear", "includes", "isPrototypeOf", "localeCompare",
            "propertyIsEnumerable", "setDate", "setFullYear", "setHours", "setMilliseconds", "setMinutes", "setMonth",
            "setSeconds", "setTime", "setUTCDate", "setUTCFullYear", "setUTCHours", "setUTCMilliseconds",
            "setUTCMinutes", "setUTCMonth", "setUTCSeconds", "setYear", "startsWith", "substr", "toDateString",
            "toISOString", "toJSON", "toLocaleDateString", "toLocaleString", "toLocaleTimeString", "toTimeString",
            "toUTCString", "unescape", "valueOf");
    /** Date.prototype and its functions, the prelude's other functions and its hidden holders. */
    private static final int REACHABLE_OBJECTS_WITH_PRELUDE = 229;
    /** The globals of other runtimes that the prelude defines on purpose. */
    private static final String PRELUDE_GLOBALS = "global,self,escape,unescape,encodeURIComponent,decodeURIComponent";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyFunctionReachableFromTheGlobalObjectIsADocumentedBuiltin(Engine engine) {
        try (Sandbox sandbox = Adversary.open(engine, b -> b.compatPrelude(false))) {
            JsonNode walk = assertEvaluates(sandbox, WALK).value();
            assertEquals(REACHABLE_OBJECTS, walk.get(0).intValue());
            assertEquals(BUILTIN_FUNCTIONS, names(walk.get(1)));
        }
    }

    /**
     * Host functions are the only additions: one more global, and one more function, all of
     * them the same native code, named after it (its C name, the only internal name shown).
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void hostFunctionsAreTheOnlyAdditions(Engine engine) throws Exception {
        try (Sandbox sandbox = Adversary.open(engine,
                b -> b.compatPrelude(false).hostFunction("lookup", args -> IntNode.valueOf(1)))) {
            JsonNode walk = assertEvaluates(sandbox, WALK).value();
            assertEquals(REACHABLE_OBJECTS + 1, walk.get(0).intValue());
            TreeSet<String> expected = new TreeSet<>(BUILTIN_FUNCTIONS);
            expected.add("sandbox_host_function");
            assertEquals(List.copyOf(expected), names(walk.get(1)));
            assertEquals(JsonTrees.parse("[\"lookup\", \"function sandbox_host_function() {\\n    [native code]\\n}\"]"),
                    assertEvaluates(sandbox, "(function () { var own = Object.keys(globalThis); return [own[own.length - 1], String(lookup)]; })()").value());
        }
    }

    /** The default environment: the engine's builtins and the prelude's functions, nothing else. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void withThePreludeEveryReachableFunctionIsABuiltinOrAPreludeFunction(Engine engine) {
        try (Sandbox sandbox = Adversary.open(engine)) {
            JsonNode walk = assertEvaluates(sandbox, WALK).value();
            assertEquals(REACHABLE_OBJECTS_WITH_PRELUDE, walk.get(0).intValue());
            TreeSet<String> expected = new TreeSet<>(BUILTIN_FUNCTIONS);
            expected.addAll(PRELUDE_FUNCTIONS);
            assertEquals(List.copyOf(expected), names(walk.get(1)));
        }
    }

    private static List<String> names(JsonNode array) {
        TreeSet<String> names = new TreeSet<>();
        array.forEach(n -> names.add(n.textValue()));
        return List.copyOf(names);
    }

    private static final String[] ELSEWHERE = {
        "load", "read", "readFile", "readline", "snarf", "quit", "exit", "require", "module", "exports", "process",
        "Buffer", "global", "window", "self", "navigator", "document", "Deno", "Bun", "Java", "JavaImporter",
        "Packages", "java", "javax", "Polyglot", "Graal", "gc", "os", "std", "bjson", "scriptArgs", "setTimeout",
        "setInterval", "clearTimeout", "setImmediate", "queueMicrotask", "performance", "fetch", "XMLHttpRequest",
        "WebAssembly", "Worker", "SharedArrayBuffer", "Atomics", "Proxy", "Reflect", "Symbol", "Promise",
        "WeakRef", "FinalizationRegistry", "Intl", "escape", "unescape", "encodeURIComponent", "decodeURIComponent",
    };

    /** What shells, Node, browsers and JVM engines expose is absent, as a global and as a property of the global. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void namesOtherRuntimesExposeAreAbsent(Engine engine) {
        try (Sandbox sandbox = Adversary.open(engine, b -> b.compatPrelude(false))) {
            assertEquals(TextNode.valueOf(""), assertEvaluates(sandbox, presentOf(ELSEWHERE)).value());
            assertEquals(TextNode.valueOf("log|undefined|now,prototype"), assertEvaluates(sandbox,
                    "Object.keys(console).join() + '|' + typeof console.error + '|' + Object.keys(Date).join()").value());
        }
    }

    /** The prelude defines the ES5 functions and the aliases libraries look for; no window, no host access. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void withThePreludeOnlyItsAliasesAndES5FunctionsArePresent(Engine engine) {
        try (Sandbox sandbox = Adversary.open(engine)) {
            assertEquals(TextNode.valueOf(PRELUDE_GLOBALS), assertEvaluates(sandbox, presentOf(ELSEWHERE)).value());
            assertEquals(TextNode.valueOf("log|undefined"), assertEvaluates(sandbox,
                    "Object.keys(console).join() + '|' + typeof console.error").value());
            assertEquals(Adversary.FIXED_NOW, assertEvaluates(sandbox, "new Date().getTime()").value().asLong());
        }
    }

    /** A script that lists which of the names are present, as a global or a property of the global object. */
    private static String presentOf(String[] names) {
        return "var names = " + Arrays.toString(names).replaceAll("(\\w+)", "'$1'") + ", present = [];"
                + " for (var i = 0; i < names.length; i++) {"
                + "   if ((names[i] in globalThis) || globalThis[names[i]] !== undefined"
                + "       || (1, eval)('typeof ' + names[i]) !== 'undefined') present.push(names[i]);"
                + " }"
                + " present.join()";
    }

    /**
     * Code runs in strict mode: the global object is reachable only by its name. Eval is
     * indirect only and, like Function, sees the global scope of the same sandbox, never a
     * caller's locals; there are no modules; the only clock is the host's.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theGlobalIsGlobalCodesThisAndEvalCannotEscape(Engine engine) throws Exception {
        try (Sandbox sandbox = Adversary.open(engine, b -> b.compatPrelude(false))) {
            assertEquals(JsonTrees.parse("[true, true, true, true, true, true, true]"), assertEvaluates(sandbox,
                    "[this === globalThis, (function () { return this; })() === undefined,"
                            + " Function('return this')() === undefined, (1, eval)('this') === globalThis,"
                            + " globalThis.globalThis === globalThis, Object.getPrototypeOf(globalThis) === Object.prototype,"
                            + " print.constructor === Function]").value());
            JsException direct = assertJsError(sandbox, "var x = 1; eval('x')",
                    "SyntaxError", "direct eval is not supported. Use (1,eval) instead for indirect");
            assertEquals(ErrorKind.SYNTAX, direct.kind());
            assertEquals(TextNode.valueOf("undefined undefined 5"), assertEvaluates(sandbox,
                    "(function () { var secret = 1; return (1, eval)('typeof secret') + ' ' + Function('return typeof secret')(); })()"
                            + " + ' ' + ((1, eval)('var planted = 5'), planted)").value());
            assertEquals(ErrorKind.SYNTAX, assertFails(JsException.class, sandbox, "import('fs')").kind());
            assertEquals(ErrorKind.SYNTAX, assertFails(JsException.class, sandbox, "import fs from 'fs'").kind());
            assertJsError(sandbox, "require('fs')", "ReferenceError", "variable 'require' is not defined");
            assertJsError(sandbox, "new Date()", "TypeError", "only Date.now() is supported");
            assertEquals(Adversary.FIXED_NOW, assertEvaluates(sandbox, "Date.now()").value().asLong());
        }
    }
}
