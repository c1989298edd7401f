package io.github.mqjssandbox.examples.evalservice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code java -jar target/eval-service.jar [--port N] [--bind ADDRESS] [...]}: runs the service
 * until the process is stopped. {@code --help} lists the options.
 */
public final class EvalServiceMain {
    /** Also the name of the library's system property; read once, before the first sandbox. */
    private static final String EVAL_THREADS_PROPERTY = "mquickjs.sandbox.threads";

    private EvalServiceMain() {}

    public static void main(String[] args) throws IOException {
        ServiceSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("eval-service: " + e.getMessage() + " (see --help)");
            System.exit(2);
            return;
        }
        if (settings == null) {
            return; // --help
        }
        // More slots than evaluation threads would queue inside the library, out of the 503's sight.
        if (System.getProperty(EVAL_THREADS_PROPERTY) == null && settings.concurrency() > ServiceSettings.DEFAULT_CONCURRENCY) {
            System.setProperty(EVAL_THREADS_PROPERTY, Integer.toString(settings.concurrency()));
        }
        EvalServer server = EvalServer.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "eval-service-stop"));
        System.out.println("eval-service listening on " + server.uri() + " (" + settings.concurrency()
                + " evaluations at a time; playground at " + server.uri() + ")");
    }

    /** The settings the arguments ask for, or null after printing the help. */
    static ServiceSettings parse(String[] args) {
        ServiceSettings.Builder b = ServiceSettings.builder();
        ServiceSettings standard = ServiceSettings.builder().build();
        long[] defaults = asArray(standard.defaultLimits);
        long[] maxima = asArray(standard.maxLimits);
        Map<String, Consumer<String>> options = new LinkedHashMap<>();
        options.put("--bind", v -> b.bindAddress(address(v)));
        options.put("--port", v -> b.port(integer(v)));
        options.put("--concurrency", v -> b.concurrency(integer(v)));
        options.put("--http-threads", v -> b.httpThreads(integer(v)));
        options.put("--borrow-wait-ms", v -> b.borrowWait(Duration.ofMillis(number(v))));
        options.put("--max-body-bytes", v -> b.maxBodyBytes(integer(v)));
        options.put("--max-pools", v -> b.maxPools(integer(v)));
        String[] limitNames = {"memory-bytes", "timeout-ms", "fuel", "output-bytes"};
        for (int i = 0; i < limitNames.length; i++) {
            int index = i;
            options.put("--default-" + limitNames[i], v -> defaults[index] = number(v));
            options.put("--max-" + limitNames[i], v -> maxima[index] = number(v));
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("usage: java -jar eval-service.jar [OPTION VALUE]...\noptions: "
                        + String.join(" ", options.keySet()) + "\nsee examples/eval-service/README.md");
                return null;
            }
            Consumer<String> option = options.get(args[i]);
            if (option == null) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            option.accept(args[++i]);
        }
        return b.defaultLimits(defaults[0], defaults[1], defaults[2], defaults[3])
                .maxLimits(maxima[0], maxima[1], maxima[2], maxima[3])
                .build();
    }

    private static long[] asArray(Limits limits) {
        return new long[] {limits.memoryLimitBytes(), limits.timeoutMs(), limits.fuel(), limits.maxOutputBytes()};
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: " + value);
        }
    }

    private static int integer(String value) {
        long number = number(value);
        if (number != (int) number) {
            throw new IllegalArgumentException("out of range: " + value);
        }
        return (int) number;
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown address " + value);
        }
    }
}
