package io.github.mqjssandbox.cli;

import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.SandboxException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A line-by-line REPL over one sandbox: state persists between lines, limits apply per line. */
final class Repl {
    private final SandboxConfig config;
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    Repl(SandboxConfig config, PrintStream out, PrintStream err, InputStream in) {
        this.config = config;
        this.out = out;
        this.err = err;
        this.in = in;
    }

    int run() {
        SandboxConfig streaming = config.newBuilder().outputListener(text -> {
            out.print(text);
            out.flush();
        }).build();
        try (Sandbox sandbox = Sandbox.create(streaming);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            out.println("mquickjs-sandbox REPL (ES5 subset). Ctrl-D to exit.");
            int lineNumber = 0;
            while (true) {
                out.print("> ");
                out.flush();
                String line = lines.readLine();
                if (line == null) {
                    out.println();
                    return ExitCode.OK;
                }
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    EvalResult result = sandbox.eval(line, "<repl:" + lineNumber + ">");
                    out.println(result.display());
                } catch (JsException e) {
                    err.println(e.getMessage());
                } catch (SandboxException e) {
                    err.println(e.getMessage());
                    if (sandbox.isClosed()) {
                        return ExitCode.of(e.kind());
                    }
                }
            }
        } catch (IOException e) {
            err.println("mquickjs-sandbox: cannot read input: " + e.getMessage());
            return ExitCode.INTERNAL;
        }
    }
}
