package io.github.mqjssandbox.examples.evalservice;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body of at most {@code maxBytes}, without ever buffering more: a declared
 * length over the limit is refused before reading, and a chunked body as soon as it passes it.
 */
final class RequestBodyReader {
    private final int maxBytes;

    RequestBodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] read(HttpExchange exchange) throws IOException, BodyTooLargeException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && isOver(declared)) {
            throw tooLarge();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (body.size() + n > maxBytes) {
                    throw tooLarge();
                }
                body.write(buffer, 0, n);
            }
        }
        return body.toByteArray();
    }

    private boolean isOver(String declaredLength) {
        try {
            return Long.parseLong(declaredLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // the JDK's server rejects a malformed length itself
        }
    }

    private BodyTooLargeException tooLarge() {
        return new BodyTooLargeException("the request body is over the limit of " + maxBytes + " bytes");
    }
}
