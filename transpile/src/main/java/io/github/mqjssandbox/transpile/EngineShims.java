package io.github.mqjssandbox.transpile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one function the compiler's ES5 output calls that this engine lacks, defined only for the
 * scripts that call it. Class getters and setters become
 * {@code $jscomp.global.Object.defineProperties(C.prototype, {…})}, an ES5 function mquickjs
 * leaves out; the shim defines it, on {@code Object}, with the engine's
 * {@code Object.defineProperty}. It stays defined for later scripts of the sandbox, as the
 * runtime's own {@code Object.assign} polyfill does.
 */
final class EngineShims {
    private static final Pattern LINE_COUNT = Pattern.compile("\"lineCount\":(\\d+)");
    private static final String CALL = "Object.defineProperties(";
    /** One line, so the source map needs only one more empty line at its start. */
    private static final String DEFINE_PROPERTIES = "if (typeof Object.defineProperties !== 'function') {"
            + " Object.defineProperties = function (target, descriptors) {"
            + " Object.keys(descriptors).forEach(function (key) { Object.defineProperty(target, key, descriptors[key]); });"
            + " return target; }; }\n";

    private EngineShims() {}

    /** The code the sandbox runs: {@code es5}, after the shim when it calls the function. */
    static String addTo(String es5) {
        return needed(es5) ? DEFINE_PROPERTIES + es5 : es5;
    }

    static boolean needed(String es5) {
        return es5.contains(CALL);
    }

    /** {@code sourceMap} for the code {@link #addTo} gives: its generated lines one further down when the shim is there. */
    static String shiftMap(String es5, String sourceMap) {
        if (!needed(es5)) {
            return sourceMap;
        }
        String field = "\"mappings\":\"";
        int at = sourceMap.indexOf(field);
        if (at < 0) {
            throw new IllegalStateException("a source map without mappings");
        }
        int start = at + field.length();
        String shifted = sourceMap.substring(0, start) + ';' + sourceMap.substring(start);
        Matcher lineCount = LINE_COUNT.matcher(shifted);
        return lineCount.find()
                ? lineCount.replaceFirst("\"lineCount\":" + (Long.parseLong(lineCount.group(1)) + 1))
                : shifted;
    }
}
