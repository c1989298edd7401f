package io.github.mqjssandbox.examples.evalservice;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The service: the JDK's HttpServer with its four routes, over the sandbox pools. */
public final class EvalServer implements AutoCloseable {
    static {
        // The JDK's server reads these once, when it is first used; a value given on the command line wins.
        // Without a bound it waits forever for a body that never comes, even one it refused (it
        // discards up to 64 KiB of a refused body before reusing the connection): a client could
        // hold a thread for good.
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "30");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", "60");
        // Headers and body go out in separate writes; without this, Nagle's algorithm and delayed
        // acknowledgements can hold a small response back for tens of milliseconds.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final SandboxPools pools;

    private EvalServer(ServiceSettings settings) throws IOException {
        LimitPolicy policy = new LimitPolicy(settings.defaultLimits, settings.maxLimits);
        ServiceMetrics metrics = new ServiceMetrics();
        this.pools = new SandboxPools(settings.concurrency, settings.borrowWait, settings.maxPools);
        this.httpThreads = Executors.newFixedThreadPool(settings.httpThreads, namedDaemons());
        this.server = HttpServer.create(new InetSocketAddress(settings.bindAddress, settings.port), 0);
        long retryAfterSeconds = Math.max(1, settings.borrowWait.toSeconds());
        route("/eval", new EvalHandler(new RequestBodyReader(settings.maxBodyBytes), policy, pools, metrics, retryAfterSeconds));
        route("/health", new HealthHandler(pools, metrics));
        route("/metrics", new MetricsHandler(metrics, pools, policy));
        server.createContext("/", new GuardedHandler(new PlaygroundHandler()));
        server.setExecutor(httpThreads);
    }

    /** Binds and starts serving; the port may be 0 for an ephemeral one (see {@link #port()}). */
    public static EvalServer start(ServiceSettings settings) throws IOException {
        EvalServer evalServer = new EvalServer(settings);
        evalServer.server.start();
        return evalServer;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://HOST:PORT/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** A route answers its exact path only (a context also matches longer paths). */
    private void route(String path, HttpHandler handler) {
        server.createContext(path, new GuardedHandler(exchange -> {
            if (exchange.getRequestURI().getPath().equals(path)) {
                handler.handle(exchange);
            } else {
                Exchanges.sendNotFound(exchange);
            }
        }));
    }

    private static java.util.concurrent.ThreadFactory namedDaemons() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "eval-service-http-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops listening at once, then closes the pools (sandboxes still lent are closed as they return). */
    @Override
    public void close() {
        server.stop(0);
        httpThreads.shutdownNow();
        pools.close();
    }
}
