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
    @Test
    void stateCarriesAcrossLinesAndErrorsDoNotEndTheSession() {
        String input = "var x = 2\nprint('side effect')\nx * 21\nnull.y\n\nfor (;;) {}\nx + 1\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SandboxConfig config = SandboxConfig.builder().timeout(Duration.ofMillis(300)).build();
        int status = new Repl(config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                ReplInput.plain(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8))).run();
        assertEquals(0, status);
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("> undefined\n> side effect\nundefined\n> 42\n"), shown);
        assertTrue(shown.endsWith("> 3\n> \n"), shown);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("TypeError: cannot read property 'y' of null (line 1, column 5)"), errors);
        assertTrue(errors.contains("timeout: limit 300 ms reached"), errors);
    }

    @Test
    void incompleteInputContinuesOnTheNextLine() {
        String input = "function f(a) {\n  return a * 2;\n}\nf(21)\n/* an open\ncomment */ 5\n[1,\n2].length\n"
                + "var x = ;\nif (true) {\n.break\n.limits\n.nope\n.exit\nprint('never')\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SandboxConfig config = SandboxConfig.builder().timeout(Duration.ofMillis(500)).memoryLimitBytes(4 << 20).build();
        int status = new Repl(config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                ReplInput.plain(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8))).run();
        assertEquals(0, status);
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("> ... ... undefined\n> 42\n> ... 5\n> ... 2\n"), shown);
        assertTrue(shown.contains("> ... > memory limit 4194304 bytes, timeout 500 ms"), shown);
        assertTrue(!shown.contains("never"), ".exit ends the session: " + shown);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("SyntaxError: unexpected character in expression"), errors);
        assertTrue(errors.contains("unknown command .nope"), errors);
    }
}
