package io.github.mqjssandbox.transpile;

import com.google.javascript.jscomp.AbstractCompiler;
import com.google.javascript.rhino.Node;

/**
 * Lets Closure's Promise polyfill run its jobs in a sandbox that has no timers: the
 * {@code setTimeout} it captures becomes a queue (polyfills/PromiseJobs.js), which the host runs
 * with {@link #RUN} once the script has returned, as an event loop would. So the script's result
 * is taken before any job runs, as Node takes a script's completion value.
 */
final class PromiseJobs {
    /**
     * Runs the queued jobs, and those they queue, in the sandbox's global scope. It names no
     * global as a variable: a script that did would make the engine create it on the global
     * object (as a hidden "not defined" value).
     */
    static final String RUN = "(function (global) { var jscomp = global.$jscomp;"
            + " if (jscomp !== undefined && jscomp.promiseJobs !== undefined) { jscomp.promiseJobs.run(); } })(globalThis)";
    /** The file name {@link #RUN} is evaluated under, in stack traces. */
    static final String FILE_NAME = "<promise jobs>";
    /** The polyfill's variable for the global setTimeout (in v20240317 and the releases around it). */
    private static final String TIMER = "nativeSetTimeout";

    private PromiseJobs() {}

    /** Points the timer of the {@code $jscomp.polyfill("Promise", function …)} call at the queue. */
    static void schedule(AbstractCompiler compiler, Node implementation) {
        Node initializer = timerInitializer(implementation);
        if (initializer == null) {
            throw new IllegalStateException("Closure's Promise polyfill has no " + TIMER + " to replace");
        }
        Node queue = EngineScripts.expression("PromiseJobs");
        initializer.replaceWith(queue);
        compiler.reportChangeToEnclosingScope(queue);
    }

    private static Node timerInitializer(Node n) {
        if (n.isName() && n.getString().equals(TIMER) && n.getParent().isVar() && n.hasOneChild()) {
            return n.getFirstChild();
        }
        for (Node child = n.getFirstChild(); child != null; child = child.getNext()) {
            Node found = timerInitializer(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
