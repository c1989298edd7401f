package io.github.mqjssandbox.cli;

import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.ErrorKind;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.SandboxException;
import io.github.mqjssandbox.VersionInfo;
import io.github.mqjssandbox.transpile.TranspileException;
import io.github.mqjssandbox.transpile.TranspileOptions;
import io.github.mqjssandbox.transpile.TranspiledScriptException;
import io.github.mqjssandbox.transpile.Transpiler;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code java -jar mquickjs-sandbox-cli.jar [OPTIONS] (-e CODE | FILE)}: evaluates JavaScript in a
 * sandbox under limits. The options, the {@code --json} object and the exit statuses are a
 * contract (see README.md).
 */
public final class Main implements Callable<Integer> {

    String code;
    Path file;
    boolean json;
    Long memoryLimit;
    Long timeoutMillis;
    Long fuel;
    Long maxOutput;
    Engine engine;
    boolean transpile;
    boolean noHistory;
    boolean flatMemory;
    int repeat;
    List<Path> preloads = List.of();

    /**
     * The command, built with picocli's programmatic API rather than annotations: reading
     * annotations is reflection (annotation proxies, generic signatures, ~170 classes) that cost
     * a cold start ~0.2 s on the main thread before the sandbox could be made. Same names,
     * labels, types, converters and help as the annotated model it replaces; -h and -V are
     * written out for the same reason (mixinStandardHelpOptions reads an annotated mixin).
     */
    private CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this)
                .name("mquickjs-sandbox")
                .versionProvider(new Version())
                .exitCodeOnInvalidInput(ExitCode.USAGE)
                .exitCodeOnExecutionException(ExitCode.INTERNAL);
        spec.usageMessage().description("Evaluates untrusted JavaScript in a MicroQuickJS sandbox under hard limits. "
                + "With no code and a terminal on stdin, starts a REPL; with no code otherwise, reads the script from stdin.");
        spec.addOption(OptionSpec.builder("-h", "--help").type(boolean.class).usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").type(boolean.class).versionHelp(true)
                .description("Print version information and exit.").build());
        spec.addOption(OptionSpec.builder("-e", "--eval").paramLabel("CODE").type(String.class)
                .description("The code to evaluate.").build());
        spec.addPositional(PositionalParamSpec.builder().arity("0..1").paramLabel("FILE").type(Path.class)
                .description("A file with the code to evaluate.").build());
        spec.addOption(OptionSpec.builder("--json").type(boolean.class)
                .description("Print exactly one JSON object on stdout.").build());
        spec.addOption(OptionSpec.builder("--memory-limit").paramLabel("SIZE").type(Long.class)
                .converters(new ByteSizeConverter())
                .description("JS heap size in bytes; k, m, g suffixes allowed (default: 16m).").build());
        spec.addOption(OptionSpec.builder("--timeout").paramLabel("MS").type(Long.class)
                .description("Wall-clock limit in milliseconds, 0 for none (default: 10000).").build());
        spec.addOption(OptionSpec.builder("--fuel").paramLabel("N").type(Long.class)
                .description("Instruction-count budget (fuel units).").build());
        spec.addOption(OptionSpec.builder("--max-output").paramLabel("BYTES").type(Long.class)
                .converters(new ByteSizeConverter())
                .description("Limit on what print/console.log may write (default: 1m).").build());
        spec.addOption(OptionSpec.builder("--engine").paramLabel("ENGINE").type(Engine.class)
                .description("aot, compiler or interpreter (default: aot).").build());
        spec.addOption(OptionSpec.builder("--transpile").type(boolean.class)
                .description("Transpile modern JavaScript (ES2015 and later) to ES5 on the host first, with the "
                        + "Closure Compiler; errors point at the source as written. Not in the REPL.").build());
        spec.addOption(OptionSpec.builder("--preload").paramLabel("FILE").type(List.class).auxiliaryTypes(Path.class)
                .description("A script (a library, helpers) to run first, into the context every run starts "
                        + "from; repeatable, in order.").build());
        spec.addOption(OptionSpec.builder("--flat-memory").type(boolean.class)
                .description("Hold the sandbox's memory in one array: scripts run about a third faster, "
                        + "but each sandbox allocates its whole memory limit up front (~20 ms more to start).").build());
        spec.addOption(OptionSpec.builder("--no-history").type(boolean.class)
                .description("In the REPL, keep no history file (default: ~/" + HISTORY_FILE_NAME + ").").build());
        spec.addOption(OptionSpec.builder("--repeat").paramLabel("N").type(int.class)
                .description("Evaluate in N fresh sandboxes; report the minimum and median time.").build());
        return spec;
    }

    /**
     * Recognises the commonest call, {@code -e CODE}, without picocli: loading it and building the
     * model still cost a cold start ~0.15 s of CPU (its classes, and the JIT compiling them). Only
     * where picocli reads the same: a CODE starting with '-' (an option name, "--") or '@' (an
     * argument file) is left to picocli, as is every other argument list, and all of them when a
     * picocli system property (tracing, trimming quotes) could change the parse.
     */
    private boolean readPlainEval(String[] args) {
        if (args.length != 2 || !(args[0].equals("-e") || args[0].equals("--eval"))
                || args[1].startsWith("-") || args[1].startsWith("@")) {
            return false;
        }
        for (String property : System.getProperties().stringPropertyNames()) {
            if (property.startsWith("picocli.")) {
                return false;
            }
        }
        code = args[1];
        repeat = 1;
        return true;
    }

    /** Copies what picocli parsed into the fields {@link #call} reads. */
    private void read(ParseResult parsed) {
        code = parsed.matchedOptionValue("--eval", null);
        file = parsed.matchedPositionalValue(0, null);
        json = parsed.matchedOptionValue("--json", false);
        memoryLimit = parsed.matchedOptionValue("--memory-limit", null);
        timeoutMillis = parsed.matchedOptionValue("--timeout", null);
        fuel = parsed.matchedOptionValue("--fuel", null);
        maxOutput = parsed.matchedOptionValue("--max-output", null);
        engine = parsed.matchedOptionValue("--engine", null);
        transpile = parsed.matchedOptionValue("--transpile", false);
        noHistory = parsed.matchedOptionValue("--no-history", false);
        flatMemory = parsed.matchedOptionValue("--flat-memory", false);
        repeat = parsed.matchedOptionValue("--repeat", 1);
        preloads = parsed.matchedOptionValue("--preload", List.of());
    }

    /** {@code --version}: the library, the upstream engine commit it was built from, and Chicory. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            VersionInfo v = VersionInfo.current();
            return new String[] {v.describe(), "upstream commit " + v.upstreamCommit()};
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    Main(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    /**
     * Nothing may keep a finished CLI process alive: every thread the library starts is a
     * daemon (the preload, each sandbox's evaluation thread, the shared watchdog), none
     * registers a shutdown hook, and the exit below is reached whatever {@link #run} throws.
     */
    public static void main(String[] args) {
        startPreload();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = ExitCode.INTERNAL;
        try {
            status = run(args, out, err, System.in);
        } catch (Throwable e) { // an Error past picocli: report it, still exit with the contract's status
            err.println("mquickjs-sandbox: internal error: " + e);
        } finally {
            out.flush();
            err.flush();
            System.exit(status);
        }
    }

    /**
     * Loads the default engine's module and makes the default settings' template context while
     * the main thread reads the arguments (the module is most of a cold start's critical path); a
     * run that turns out to need other settings makes what it needs on demand.
     * A daemon: an exit while it is still loading (a usage error, another engine) is not held up.
     */
    static Thread startPreload() {
        Thread preload = new Thread(() -> {
            try {
                // the default settings' template: what `-e CODE` with no limit options copies
                Sandbox.prepare(SandboxConfig.defaults());
            } catch (RuntimeException | LinkageError ignored) {
                // the evaluation meets the same problem and reports it
            }
        }, "mquickjs-preload");
        preload.setDaemon(true);
        preload.start();
        return preload;
    }

    /** Runs the CLI and returns its exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        Main main = new Main(out, err, in);
        if (main.readPlainEval(args)) {
            try {
                return main.call();
            } catch (RuntimeException e) { // as picocli's execution exception handler below
                return internalError(err, e);
            }
        }
        CommandLine cli = new CommandLine(main.spec());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, ignored) -> usageError(err, ex.getMessage()));
        cli.setExecutionExceptionHandler((ex, command, parsed) -> internalError(err, ex));
        cli.setExecutionStrategy(parsed -> {
            main.read(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.execute(args);
    }

    static final String HISTORY_FILE_NAME = ".mquickjs_sandbox_history";

    /** The REPL, on the terminal (stdin and stdout both are one, or there is no console). */
    private int repl(SandboxConfig config) {
        ReplInput input;
        try {
            input = ReplInput.terminal(noHistory ? null : Path.of(System.getProperty("user.home"), HISTORY_FILE_NAME));
        } catch (IOException | RuntimeException e) {
            err.println("mquickjs-sandbox: no line editing (" + e.getMessage() + "); reading plain lines");
            input = ReplInput.plain(in, out);
        }
        return new Repl(config, out, err, input).run();
    }

    @Override
    public Integer call() {
        if (repeat < 1) {
            return usageError(err, "--repeat must be at least 1, got " + repeat);
        }
        if (code != null && file != null) {
            return usageError(err, "give either -e CODE or FILE, not both");
        }
        SandboxConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage());
        }
        for (Path preload : preloads) {
            try {
                config = config.newBuilder().preload(preload.toString(), Files.readString(preload, StandardCharsets.UTF_8)).build();
            } catch (IOException e) {
                return usageError(err, "cannot read " + preload + ": " + describe(e));
            } catch (IllegalArgumentException e) {
                return usageError(err, e.getMessage());
            }
        }
        if (code == null && file == null && System.console() != null) {
            if (transpile) {
                return usageError(err, "--transpile needs -e CODE, FILE or a script on stdin: the REPL runs ES5");
            }
            return repl(config);
        }
        String source;
        String fileName;
        try {
            if (code != null) {
                source = code;
                fileName = "<eval>";
            } else if (file != null) {
                source = Files.readString(file, StandardCharsets.UTF_8);
                fileName = file.toString();
            } else {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                fileName = "<stdin>";
            }
        } catch (IOException | RuntimeException e) {
            return usageError(err, "cannot read " + (file != null ? file : "stdin") + ": " + describe(e));
        }
        return evaluate(config, source, fileName);
    }

    private int evaluate(SandboxConfig config, String source, String fileName) {
        Timings timings = new Timings();
        EvalResult last = null;
        // one transpiler for all runs: --repeat then times the evaluation, the compile is cached
        Transpiler transpiler = transpile ? Transpiler.create(TranspileOptions.forSandbox(config)) : null;
        for (int run = 1; run <= repeat; run++) {
            SandboxConfig runConfig = config;
            if (!json && run == repeat) {
                runConfig = config.newBuilder().outputListener(text -> {
                    out.print(text);
                    out.flush();
                }).build();
            }
            try (Sandbox sandbox = Sandbox.create(runConfig)) {
                last = transpiler == null ? sandbox.eval(source, fileName) : transpiler.eval(sandbox::eval, source, fileName);
                timings.add(last.evalNanos());
            } catch (IllegalArgumentException e) {
                return usageError(err, e.getMessage());
            } catch (TranspileException e) {
                return transpileFailure(e);
            } catch (TranspiledScriptException e) {
                return failed(json ? Report.failure(e) : null, e.output(), e.getMessage(), e.jsStack(), e.kind(),
                        run < repeat);
            } catch (SandboxException e) {
                String stack = e instanceof JsException js ? js.jsStack() : "";
                return failed(json ? Report.failure(e) : null, e.output(), e.getMessage(), stack, e.kind(), run < repeat);
            }
        }
        if (json) {
            out.println(Report.success(last, timings));
        } else {
            out.println(last.display());
        }
        return ExitCode.OK;
    }

    /** Nothing ran: a source the sandbox would refuse too is a usage error, as without --transpile. */
    private int transpileFailure(TranspileException e) {
        if (e.problem() == TranspileException.Problem.SOURCE_TOO_LARGE
                || e.problem() == TranspileException.Problem.OUTPUT_TOO_LARGE) {
            return usageError(err, e.getMessage());
        }
        if (json) {
            out.println(Report.failure(e));
        } else {
            err.println(e.getMessage());
        }
        return ExitCode.of(Report.kindOf(e));
    }

    /**
     * Reports a failed run: the JSON report, or the message and JS stack on stderr, after the
     * script's output when the output listener did not already print it (an earlier --repeat run).
     */
    private int failed(String report, String output, String message, String jsStack, ErrorKind kind,
            boolean outputNotPrinted) {
        if (report != null) {
            out.println(report);
        } else {
            if (outputNotPrinted) {
                out.print(output);
            }
            err.println(message);
            err.print(jsStack);
        }
        return ExitCode.of(kind);
    }

    private SandboxConfig config() {
        SandboxConfig.Builder builder = SandboxConfig.builder().flatMemory(flatMemory);
        if (memoryLimit != null) {
            builder.memoryLimitBytes(memoryLimit);
        }
        if (timeoutMillis != null) {
            if (timeoutMillis < 0) {
                throw new IllegalArgumentException("--timeout must not be negative, got " + timeoutMillis);
            }
            builder.timeout(Duration.ofMillis(timeoutMillis));
        }
        if (maxOutput != null) {
            builder.maxOutputBytes(maxOutput);
        }
        if (engine != null) {
            builder.engine(engine);
        }
        if (fuel != null) {
            builder.fuelLimit(fuel);
        }
        return builder.build();
    }

    private static int internalError(PrintStream err, Exception e) {
        err.println("mquickjs-sandbox: internal error: " + e);
        return ExitCode.INTERNAL;
    }

    private static int usageError(PrintStream err, String message) {
        err.println("mquickjs-sandbox: " + message.replace('\n', ' ') + " (see --help)");
        return ExitCode.USAGE;
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof MalformedInputException) {
            return "not UTF-8 text";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
