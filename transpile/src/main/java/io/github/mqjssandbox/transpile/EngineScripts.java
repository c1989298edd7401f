package io.github.mqjssandbox.transpile;

import com.google.javascript.jscomp.AbstractCompiler;
import com.google.javascript.rhino.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JavaScript this project adds to Closure's runtime for the engine, kept as resources under
 * {@code polyfills/} (readable ES5 strict, one statement each) and parsed into the compilation
 * that needs it. The texts are read once per process.
 */
final class EngineScripts {
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private EngineScripts() {}

    /** The one statement of the resource {@code polyfills/<name>.js}, parsed by {@code compiler}, detached. */
    static Node statement(AbstractCompiler compiler, String name) {
        Node script = compiler.parseSyntheticCode("engine-" + name + ".js", text(name));
        Node statement = script.getFirstChild();
        if (statement == null || statement.getNext() != null) {
            throw new IllegalStateException("polyfills/" + name + ".js must hold one statement");
        }
        return statement.detach();
    }

    /** The expression of the resource's one statement, an expression statement. */
    static Node expression(AbstractCompiler compiler, String name) {
        Node statement = statement(compiler, name);
        if (!statement.isExprResult()) {
            throw new IllegalStateException("polyfills/" + name + ".js must hold an expression");
        }
        return statement.removeFirstChild();
    }

    static String text(String name) {
        return TEXTS.computeIfAbsent(name, EngineScripts::read);
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
