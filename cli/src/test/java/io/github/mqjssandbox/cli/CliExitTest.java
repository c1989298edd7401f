package io.github.mqjssandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Nothing holds a finished CLI process open. A cold run was once seen taking 30.6 s against
 * a median of 0.47 s; whatever that was, it was not the process staying alive after its work:
 * here the CLI runs in a fresh JVM and must exit right after it has printed its result, after
 * a timeout, after a hard stop, and while the module preload is still loading; and in-process,
 * every thread a run leaves behind is a daemon, the sandboxes' own threads end.
 */
class CliExitTest {
    /** Generous for a cold JVM on a loaded two-core machine; a held-open process never exits. */
    private static final long EXIT_DEADLINE_SECONDS = 60;
    /** From the last line printed to the exit: the JVM's shutdown, tens of milliseconds. */
    private static final long MAX_SECONDS_FROM_OUTPUT_TO_EXIT = 10;

    record Exit(int status, String out, String err, double seconds, double secondsAfterOutput) {}

    /** Runs the CLI's main in a new JVM (the test class path: the jar is built after the tests). */
    private static Exit runCli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).start();
        AtomicLong lastOutput = new AtomicLong(start);
        CompletableFuture<String> out = drain(process.getInputStream(), lastOutput);
        CompletableFuture<String> err = drain(process.getErrorStream(), lastOutput);
        if (!process.waitFor(EXIT_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            String threads = threadDump(process.pid());
            process.destroyForcibly();
            fail("the CLI " + String.join(" ", args) + " did not exit within " + EXIT_DEADLINE_SECONDS + " s:\n" + threads);
        }
        long exited = System.nanoTime();
        String stdout = out.get(30, TimeUnit.SECONDS);
        String stderr = err.get(30, TimeUnit.SECONDS);
        return new Exit(process.exitValue(), stdout, stderr, (exited - start) / 1e9, (exited - lastOutput.get()) / 1e9);
    }

    /** Reads a stream to its end, noting when each line arrived. */
    private static CompletableFuture<String> drain(InputStream stream, AtomicLong lastOutput) {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder text = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    lastOutput.accumulateAndGet(System.nanoTime(), Math::max);
                    text.append(line).append('\n');
                }
            } catch (IOException e) {
                text.append("(unreadable: ").append(e).append(')');
            }
            return text.toString();
        });
    }

    private static String threadDump(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    private static void assertPrompt(Exit exit, String what) {
        System.out.printf("%s: exit %d after %.2f s, %.3f s after its last output%n",
                what, exit.status(), exit.seconds(), exit.secondsAfterOutput());
        assertTrue(exit.secondsAfterOutput() < MAX_SECONDS_FROM_OUTPUT_TO_EXIT,
                what + " stayed alive " + exit.secondsAfterOutput() + " s after its last output");
    }

    @Test
    void exitsRightAfterItsResult() throws Exception {
        Exit exit = runCli("-e", "1+2");
        assertEquals(0, exit.status(), exit.err());
        assertEquals("3\n", exit.out());
        assertPrompt(exit, "1+2");
    }

    @Test
    void exitsPromptlyAfterATimeout() throws Exception {
        Exit exit = runCli("--json", "--timeout", "200", "-e", "for (;;) {}");
        assertEquals(3, exit.status(), exit.out() + exit.err());
        assertTrue(exit.out().contains("\"kind\":\"timeout\""), exit.out());
        assertPrompt(exit, "timeout");
    }

    /** A builtin that never polls, in the interpreter: the thread is interrupted, the instance replaced, then the exit. */
    @Test
    void exitsPromptlyAfterAHardStop() throws Exception {
        Exit exit = runCli("--json", "--engine", "interpreter", "--timeout", "100", "--memory-limit", "64m",
                "-e", "new Array(4000000).join('abcdefgh').length");
        assertEquals(3, exit.status(), exit.out() + exit.err());
        assertTrue(exit.out().contains("\"kind\":\"timeout\""), exit.out());
        assertPrompt(exit, "hard stop");
    }

    /** The preload of the AOT module is still running when these end; it must not hold the exit. */
    @Test
    void exitsPromptlyWhileThePreloadIsStillLoading() throws Exception {
        Exit usage = runCli("--no-such-option");
        assertEquals(2, usage.status(), usage.err());
        assertPrompt(usage, "usage error");
        Exit version = runCli("--version");
        assertEquals(0, version.status(), version.err());
        assertPrompt(version, "--version");
        Exit interpreter = runCli("--engine", "interpreter", "-e", "1+2");
        assertEquals(0, interpreter.status(), interpreter.err());
        assertEquals("3\n", interpreter.out());
        assertPrompt(interpreter, "interpreter");
    }

    @Test
    void thePreloadIsADaemonAndEnds() throws Exception {
        Thread preload = Main.startPreload();
        assertTrue(preload.isDaemon());
        preload.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(preload.isAlive());
    }

    /**
     * In-process: after each kind of run, the threads that appeared are daemons, and the library's
     * evaluation threads are the shared, bounded ones (they live on, idle daemons, as does the
     * watchdog).
     */
    @Test
    void noThreadARunLeavesBehindCanHoldTheJvm() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        String[][] runs = {
            {"-e", "1+2"},
            {"--repeat", "3", "-e", "print('x'); 1"},
            {"--timeout", "100", "-e", "for (;;) {}"},
            {"--engine", "interpreter", "--timeout", "100", "--memory-limit", "64m", "-e", "new Array(4000000).join('abcdefgh').length"},
            {"--fuel", "100000", "-e", "for (;;) {}"},
            {"--max-output", "10", "-e", "for (;;) print('0123456789')"},
            {"-e", "syntax error"},
            {"--no-such-option"},
        };
        for (String[] args : runs) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
            Main.run(args, print, print, new ByteArrayInputStream(new byte[0]));
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (before.contains(t) || !t.isAlive()) {
                    continue;
                }
                assertTrue(t.isDaemon(), "after " + String.join(" ", args) + ": non-daemon thread " + t);
                assertFalse(t.getName().startsWith("mquickjs") && !t.getName().startsWith("mquickjs-sandbox-eval-")
                        && !t.getName().equals("mquickjs-sandbox-watchdog") && !t.getName().startsWith("mquickjs-preload"),
                        "after " + String.join(" ", args) + ": a thread of its own " + t);
            }
        }
    }
}
