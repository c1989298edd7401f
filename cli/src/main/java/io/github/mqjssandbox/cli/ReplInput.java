package io.github.mqjssandbox.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Where the REPL's lines come from: a terminal with line editing, or plain lines from a stream. */
interface ReplInput extends Closeable {
    /** The next line, or null at the end of the input. */
    String readLine(String prompt) throws IOException;

    /** Ctrl-C while typing. */
    final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Lines of a stream, prompts written to {@code out}: for pipes and tests. */
    static ReplInput plain(InputStream in, PrintStream out) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new ReplInput() {
            @Override
            public String readLine(String prompt) throws IOException {
                out.print(prompt);
                out.flush();
                return reader.readLine();
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /**
     * The system terminal through JLine: editing, arrow-key history, and a history file when
     * {@code historyFile} is not null. JLine talks to the terminal through {@code stty} (its exec
     * provider), so no native library is loaded.
     */
    static ReplInput terminal(Path historyFile) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).provider("exec").build();
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("mquickjs-sandbox")
                // '!' is JavaScript's not, never a shell-style history expansion
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        LineReader reader = builder.build();
        return new ReplInput() {
            @Override
            public String readLine(String prompt) {
                try {
                    return reader.readLine(prompt);
                } catch (UserInterruptException ctrlC) {
                    throw new Interrupted();
                } catch (EndOfFileException ctrlD) {
                    return null;
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    reader.getHistory().save();
                } finally {
                    terminal.close();
                }
            }
        };
    }
}
