package io.github.mqjssandbox.examples.evalservice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /}: the playground, one self-contained page; every other path not routed elsewhere
 * is a 404. The content security policy lets the page load nothing from anywhere and talk only
 * to this server.
 */
final class PlaygroundHandler implements HttpHandler {
    private static final String PAGE = "playground.html";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final byte[] page = load();

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/") && !path.equals("/index.html")) {
            Exchanges.sendNotFound(exchange);
            return;
        }
        if (!Exchanges.requireMethod(exchange, "GET")) {
            return;
        }
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        Exchanges.send(exchange, 200, "text/html; charset=utf-8", page);
    }

    private static byte[] load() {
        try (InputStream in = PlaygroundHandler.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + PAGE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
