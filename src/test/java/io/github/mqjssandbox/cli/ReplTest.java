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
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))).run();
        assertEquals(0, status);
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("> undefined\n> side effect\nundefined\n> 42\n"), shown);
        assertTrue(shown.endsWith("> 3\n> \n"), shown);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("TypeError: cannot read property 'y' of null (line 1, column 5)"), errors);
        assertTrue(errors.contains("timeout: limit 300 ms reached"), errors);
    }
}
