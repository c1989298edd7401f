package io.github.mqjssandbox.cli;

import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.SandboxException;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The REPL over one sandbox: state persists between inputs, limits apply to each. An input that
 * is not complete yet (the engine's syntax error is at its very end, as after
 * {@code function f(a) {}) continues on the next line under a {@code ...} prompt. Commands:
 * {@code .help}, {@code .limits}, {@code .break} (drop a pending input), {@code .exit}.
 */
final class Repl {
    static final String PROMPT = "> ";
    static final String CONTINUATION = "... ";

    private final SandboxConfig config;
    private final PrintStream out;
    private final PrintStream err;
    private final ReplInput input;

    Repl(SandboxConfig config, PrintStream out, PrintStream err, ReplInput input) {
        this.config = config;
        this.out = out;
        this.err = err;
        this.input = input;
    }

    int run() {
        SandboxConfig streaming = config.newBuilder().outputListener(text -> {
            out.print(text);
            out.flush();
        }).build();
        try (Sandbox sandbox = Sandbox.create(streaming); ReplInput lines = input) {
            out.println("mquickjs-sandbox REPL (ES5 subset). .help for commands, Ctrl-D to exit.");
            StringBuilder pending = new StringBuilder();
            int inputNumber = 0;
            while (true) {
                String line;
                try {
                    line = lines.readLine(pending.length() == 0 ? PROMPT : CONTINUATION);
                } catch (ReplInput.Interrupted ctrlC) {
                    pending.setLength(0); // Ctrl-C drops the input being typed, as in a shell
                    continue;
                }
                if (line == null) {
                    out.println();
                    return ExitCode.OK;
                }
                if (pending.length() == 0 && line.strip().startsWith(".")) {
                    if (command(line.strip())) {
                        return ExitCode.OK;
                    }
                    continue;
                }
                if (pending.length() == 0 && line.isBlank()) {
                    continue;
                }
                if (pending.length() > 0 && ".break".equals(line.strip())) {
                    pending.setLength(0);
                    continue;
                }
                if (pending.length() > 0) {
                    pending.append('\n');
                }
                pending.append(line);
                String code = pending.toString();
                try {
                    EvalResult result = sandbox.eval(code, "<repl:" + (inputNumber + 1) + ">");
                    out.println(result.display());
                } catch (JsException e) {
                    if (IncompleteInput.is(e, code)) {
                        continue; // keep reading: the input goes on
                    }
                    err.println(e.getMessage());
                } catch (SandboxException e) {
                    err.println(e.getMessage());
                    if (sandbox.isClosed()) {
                        return ExitCode.of(e.kind());
                    }
                }
                inputNumber++;
                pending.setLength(0);
            }
        } catch (IOException e) {
            err.println("mquickjs-sandbox: cannot read input: " + e.getMessage());
            return ExitCode.INTERNAL;
        }
    }

    /** Runs a dot command; true when the REPL should end. */
    private boolean command(String line) {
        switch (line) {
            case ".exit":
                return true;
            case ".help":
                out.println(".help    this text");
                out.println(".limits  the limits each input runs under");
                out.println(".break   drop a multi-line input being typed (or Ctrl-C)");
                out.println(".exit    leave (or Ctrl-D)");
                out.println("An input that is not complete yet (an open brace, bracket or comment) goes on under '"
                        + CONTINUATION.strip() + "'.");
                return false;
            case ".limits":
                out.println("memory limit " + config.memoryLimitBytes() + " bytes, timeout "
                        + (config.timeout().isZero() ? "none" : config.timeout().toMillis() + " ms")
                        + ", output " + config.maxOutputBytes() + " bytes, fuel "
                        + (config.fuelLimit() == 0 ? "unlimited" : Long.toString(config.fuelLimit()))
                        + " (each input; globals persist)");
                return false;
            case ".break":
                return false;
            default:
                err.println("unknown command " + line + " (.help lists them)");
                return false;
        }
    }
}
