package io.github.mqjssandbox.transpile;

import com.google.javascript.jscomp.AbstractCompiler;
import com.google.javascript.jscomp.CompilerPass;
import com.google.javascript.rhino.Node;
import java.util.Set;

/**
 * A Closure pass, run once the compiler has injected the polyfills a script uses, that fits them
 * to this engine. Each polyfill is a statement {@code $jscomp.polyfill("Map", function (orig) …)}
 * of Closure's runtime, which installs the function's result unless the builtin exists (the
 * engine's own, or a prelude's, is kept). This pass:
 * <ul>
 *   <li>leaves out the polyfills that cannot be faithful here ({@link #LEFT_OUT}): the builtin
 *       stays absent, as without transpiling, rather than half there;</li>
 *   <li>gives {@code Map} and {@code Set} implementations of its own (polyfills/Map.js, Set.js);</li>
 *   <li>has {@code Promise} queue its jobs for the host to run ({@link PromiseJobs}).</li>
 * </ul>
 */
final class EnginePolyfills implements CompilerPass {
    private static final String POLYFILL = "$jscomp.polyfill";

    /**
     * What the engine lacks for a faithful polyfill (each checked by {@code PolyfillCheckTest}):
     * a way to hide a property ({@code defineProperty} ignores {@code enumerable: false}) and weak
     * references, for WeakMap and WeakSet, which would mark every key; a writable {@code message}
     * on Error objects, for AggregateError and so Promise.any; the {@code in} operator on array
     * indexes, for copyWithin; {@code Object.getOwnPropertyDescriptor}, {@code getOwnPropertyNames},
     * {@code isExtensible} and {@code preventExtensions}, for the Reflect and Object functions
     * built on them; symbols, for Object.getOwnPropertySymbols, which would always answer [];
     * RegExp's {@code global}, which matchAll checks.
     */
    static final Set<String> LEFT_OUT = Set.of(
            "WeakMap", "WeakSet",
            "AggregateError", "Promise.any",
            "Array.prototype.copyWithin",
            "Object.getOwnPropertyDescriptors", "Object.getOwnPropertySymbols",
            "Reflect.defineProperty", "Reflect.get", "Reflect.getOwnPropertyDescriptor", "Reflect.isExtensible",
            "Reflect.ownKeys", "Reflect.preventExtensions", "Reflect.set",
            "String.prototype.matchAll");
    /** The typed arrays' copyWithin is Array.prototype.copyWithin. */
    private static final String COPY_WITHIN = ".prototype.copyWithin";
    /** Replaced by polyfills/<name>.js: Closure's Map keeps its ids in a WeakMap polyfill, Set is built on that Map. */
    static final Set<String> OWN = Set.of("Map", "Set");

    private final AbstractCompiler compiler;
    private boolean promiseJobs;

    EnginePolyfills(AbstractCompiler compiler) {
        this.compiler = compiler;
    }

    /** True once the pass has given Promise a job queue: the script's host must run it. */
    boolean promiseJobs() {
        return promiseJobs;
    }

    @Override
    public void process(Node externs, Node root) {
        for (Node script = root.getFirstChild(); script != null; script = script.getNext()) {
            for (Node statement = script.getFirstChild(); statement != null; ) {
                Node next = statement.getNext();
                String name = polyfilledName(statement);
                if (name != null) {
                    adapt(name, statement.getFirstChild());
                }
                statement = next;
            }
        }
    }

    /** Fits the polyfill {@code call} installs for {@code name}. */
    private void adapt(String name, Node call) {
        Node implementation = call.getChildAtIndex(2);
        if (LEFT_OUT.contains(name) || name.endsWith(COPY_WITHIN)) {
            Node statement = call.getParent();
            Node script = statement.getParent();
            statement.detach();
            compiler.reportChangeToEnclosingScope(script);
        } else if (OWN.contains(name)) {
            Node own = EngineScripts.expression(name);
            implementation.replaceWith(own);
            compiler.reportChangeToEnclosingScope(call);
        } else if (name.equals("Promise") && implementation.isFunction()) {
            PromiseJobs.schedule(compiler, implementation);
            promiseJobs = true;
        }
    }

    /** The name in a statement {@code $jscomp.polyfill("name", …)}, or null for any other statement. */
    private static String polyfilledName(Node statement) {
        if (!statement.isExprResult() || !statement.getFirstChild().isCall()) {
            return null;
        }
        Node call = statement.getFirstChild();
        Node name = call.getSecondChild();
        return call.getFirstChild().matchesQualifiedName(POLYFILL) && name != null && name.isStringLit()
                && call.getChildCount() >= 3 ? name.getString() : null;
    }
}
