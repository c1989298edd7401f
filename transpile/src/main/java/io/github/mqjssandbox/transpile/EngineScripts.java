package io.github.mqjssandbox.transpile;

import com.google.javascript.jscomp.AbstractCompiler;
import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.rhino.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JavaScript this project adds to Closure's runtime for the engine, kept as resources under
 * {@code polyfills/} (readable ES5 strict, one statement each). Each is parsed once per process
 * (a parse of Map.js, comments and all, took about as long as the rest of a compile) and a
 * compilation gets a copy of the tree.
 */
final class EngineScripts {
    private static final Map<String, Node> PARSED = new ConcurrentHashMap<>();

    private EngineScripts() {}

    /** A copy of the one statement of the resource {@code polyfills/<name>.js}. */
    static Node statement(String name) {
        return PARSED.computeIfAbsent(name, EngineScripts::parse).cloneTree();
    }

    /** A copy of the expression of the resource's one statement, an expression statement. */
    static Node expression(String name) {
        Node statement = statement(name);
        if (!statement.isExprResult()) {
            throw new IllegalStateException("polyfills/" + name + ".js must hold an expression");
        }
        return statement.removeFirstChild();
    }

    /**
     * Parsed by a compiler of its own: the tree is only ever copied, never changed, so the
     * compilations on other threads can share it.
     */
    private static Node parse(String name) {
        com.google.javascript.jscomp.Compiler compiler = new com.google.javascript.jscomp.Compiler();
        compiler.initOptions(new CompilerOptions());
        Node script = compiler.parseSyntheticCode("engine-" + name + ".js", read(name));
        Node statement = script.getFirstChild();
        if (statement == null || statement.getNext() != null || compiler.getErrorCount() > 0) {
            throw new IllegalStateException("polyfills/" + name + ".js must hold one statement, without errors");
        }
        return statement.detach();
    }

    private static String read(String name) {
        try (InputStream in = EngineScripts.class.getResourceAsStream("polyfills/" + name + ".js")) {
            if (in == null) {
                throw new IllegalStateException("no resource polyfills/" + name + ".js");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
