package io.github.mqjssandbox.examples.evalservice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * The last line of every route: the JDK's server drops the connection without a response when
 * a handler throws, so whatever escapes becomes a JSON 500 (while the status can still be sent),
 * and the exchange is always closed.
 */
final class GuardedHandler implements HttpHandler {
    private final HttpHandler inner;

    GuardedHandler(HttpHandler inner) {
        this.inner = inner;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            inner.handle(exchange);
        } catch (IOException e) {
            // the client went away or sent something unreadable: nobody is left to answer
        } catch (RuntimeException | Error e) {
            System.err.println("eval-service: unexpected failure on " + exchange.getRequestURI().getPath() + ": " + e);
            if (exchange.getResponseCode() == -1) {
                try {
                    Exchanges.sendRequestError(exchange, 500, "serverError", "internal error in the service");
                } catch (IOException | RuntimeException ignored) {
                    // the connection is closed below
                }
            }
        } finally {
            exchange.close();
        }
    }
}
