package io.github.mqjssandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mqjssandbox.SandboxConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplTest {
    /** What a REPL session over plain lines printed: prompts and results, and errors. */
    private record Session(int status, String shown, String errors) {}

    private static Session run(SandboxConfig config, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream shown = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = new Repl(config, shown, new PrintStream(err, true, StandardCharsets.UTF_8),
                ReplInput.plain(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), shown)).run();
        return new Session(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void stateCarriesAcrossLinesAndErrorsDoNotEndTheSession() {
        String input = "var x = 2\nprint('side effect')\nx * 21\nnull.y\n\nfor (;;) {}\nx + 1\n";
        Session session = run(SandboxConfig.builder().timeout(Duration.ofMillis(300)).build(), input);
        assertEquals(0, session.status());
        String shown = session.shown();
        assertTrue(shown.contains("> undefined\n> side effect\nundefined\n> 42\n"), shown);
        assertTrue(shown.endsWith("> 3\n> \n"), shown);
        String errors = session.errors();
        assertTrue(errors.contains("TypeError: cannot read property 'y' of null (line 1, column 5)"), errors);
        assertTrue(errors.contains("timeout: limit 300 ms reached"), errors);
    }

    @Test
    void incompleteInputContinuesOnTheNextLine() {
        String input = "function f(a) {\n  return a * 2;\n}\nf(21)\n/* an open\ncomment */ 5\n[1,\n2].length\n"
                + "var x = ;\nif (true) {\n.break\n.limits\n.nope\n.exit\nprint('never')\n";
        Session session = run(SandboxConfig.builder().timeout(Duration.ofMillis(500)).memoryLimitBytes(4 << 20).build(), input);
        assertEquals(0, session.status());
        String shown = session.shown();
        assertTrue(shown.contains("> ... ... undefined\n> 42\n> ... 5\n> ... 2\n"), shown);
        assertTrue(shown.contains("> ... > memory limit 4194304 bytes, timeout 500 ms"), shown);
        assertTrue(!shown.contains("never"), ".exit ends the session: " + shown);
        String errors = session.errors();
        assertTrue(errors.contains("SyntaxError: unexpected character in expression"), errors);
        assertTrue(errors.contains("unknown command .nope"), errors);
    }
}
