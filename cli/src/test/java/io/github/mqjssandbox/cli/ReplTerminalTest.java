package io.github.mqjssandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL in a real terminal: tmux runs the CLI in a pseudo-terminal, the test types into it
 * (send-keys) and reads the screen (capture-pane), as a person would. tmux is installed by
 * .ci/setup; this test needs it.
 */
class ReplTerminalTest {
    private static final String SESSION = "mqjs-repl-test-" + ProcessHandle.current().pid();

    @TempDir
    Path home;

    @AfterEach
    void killSession() throws Exception {
        tmux("kill-session", "-t", SESSION);
    }

    @Test
    void editingHistoryAndMultiLineInputInATerminal() throws Exception {
        String classpath = System.getProperty("mqjs.cli.classpath") + java.io.File.pathSeparator
                + Files.readString(Path.of(System.getProperty("mqjs.cli.runtimeClasspathFile")), StandardCharsets.UTF_8).strip();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertEquals(0, tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40",
                "env", "TERM=xterm-256color", java, "-Duser.home=" + home, "-cp", classpath, Main.class.getName(),
                "--timeout", "2000"), "tmux new-session");
        // capture-pane drops trailing spaces: an empty prompt line reads ">"
        awaitScreen(screen -> screen.contains("Ctrl-D to exit") && lastLine(screen).equals(">"), "the first prompt");

        type("function twice(a) {");
        awaitScreen(screen -> lastLine(screen).equals("..."), "the continuation prompt");
        type("  return a * 2"); // no ';': tmux takes a trailing one as its own command separator
        type("}");
        type("twice(21)");
        awaitScreen(screen -> screen.contains("\n42") && lastLine(screen).equals(">"), "the multi-line function's result");

        // the arrow key recalls the last input (no ^[[A on the screen), Enter runs it again
        keys("Up");
        awaitScreen(screen -> lastLine(screen).equals("> twice(21)"), "the recalled line");
        keys("Enter");
        awaitScreen(screen -> screen.indexOf("\n42") != screen.lastIndexOf("\n42") && lastLine(screen).equals(">"),
                "the second result");
        assertFalse(screen().contains("^[["), screen());

        // editing: type "6 7", move left over the 7, insert "* ", run it
        assertEquals(0, tmux("send-keys", "-t", SESSION, "-l", "6 7"));
        keys("Left");
        assertEquals(0, tmux("send-keys", "-t", SESSION, "-l", "* "));
        awaitScreen(screen -> lastLine(screen).equals("> 6 * 7"), "the edited line");
        keys("Enter");
        awaitScreen(screen -> screen.split("\n42", -1).length > 3 && lastLine(screen).equals(">"), "the edited line's result");
        type(".limits");
        awaitScreen(screen -> screen.contains("timeout 2000 ms") && lastLine(screen).equals(">"), ".limits");
        type("for (;;) {}");
        awaitScreen(screen -> screen.contains("timeout: limit 2000 ms reached") && lastLine(screen).equals(">"),
                "the per-input timeout");
        type(".exit");
        awaitSessionEnd();

        List<String> history = Files.readAllLines(home.resolve(Main.HISTORY_FILE_NAME), StandardCharsets.UTF_8);
        assertTrue(history.stream().anyMatch(line -> line.contains("twice(21)")), history.toString());
    }

    private static String lastLine(String screen) {
        String[] lines = screen.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /** Types text literally (tmux would read ; and } as its own syntax otherwise), then Enter. */
    private static void type(String text) throws Exception {
        assertEquals(0, tmux("send-keys", "-t", SESSION, "-l", text));
        keys("Enter");
    }

    private static void keys(String key) throws Exception {
        assertEquals(0, tmux("send-keys", "-t", SESSION, key));
    }

    private static String screen() throws Exception {
        Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", SESSION).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return text;
    }

    private interface ScreenCheck {
        boolean ok(String screen);
    }

    /** Reads the screen until it shows what is expected (the REPL answers within seconds). */
    private static void awaitScreen(ScreenCheck check, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = screen();
            if (check.ok(last)) {
                return;
            }
            Thread.sleep(50); // between looks at the screen, not instead of one
        }
        fail("no " + what + " on the screen within 60 s:\n" + last);
    }

    private static void awaitSessionEnd() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (tmux("has-session", "-t", SESSION) != 0) {
                return;
            }
            Thread.sleep(50);
        }
        fail(".exit did not end the REPL:\n" + screen());
    }

    private static int tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
