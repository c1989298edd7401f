package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writing responses: JSON bodies, and the service's one shape for a refused request. */
final class Exchanges {
    private Exchanges() {}

    static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", Json.bytes(body));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * A request the service did not evaluate: {@code {"ok": false, "requestError": CODE,
     * "message": "..."}}. Distinct from a script's failure, which has an {@code error} object.
     */
    static void sendRequestError(HttpExchange exchange, int status, String code, String message) throws IOException {
        sendJson(exchange, status, requestError(code, message));
    }

    static ObjectNode requestError(String code, String message) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("ok", false);
        json.put("requestError", code);
        json.put("message", message);
        return json;
    }

    static void sendNotFound(HttpExchange exchange) throws IOException {
        sendRequestError(exchange, 404, "notFound", "no such path; try GET /, POST /eval, GET /health or GET /metrics");
    }

    /** Answers 405 unless the request uses {@code method}; true when it does. */
    static boolean requireMethod(HttpExchange exchange, String method) throws IOException {
        if (method.equals(exchange.getRequestMethod())) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", method);
        sendRequestError(exchange, 405, "methodNotAllowed", "use " + method + " for " + exchange.getRequestURI().getPath());
        return false;
    }
}
