package io.github.mqjssandbox.examples.evalservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A test's view of a running service: requests out, status and parsed JSON back. */
final class ServiceClient {
    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, HttpResponse<String> response, JsonNode json) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ServiceClient(EvalServer server) {
        this.base = server.uri();
    }

    /** POSTs {"code": code, "limits": limits} (limits may be null). */
    Reply eval(String code, ObjectNode limits) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("code", code);
        if (limits != null) {
            body.set("limits", limits);
        }
        return post("/eval", body.toString());
    }

    Reply eval(String code) throws IOException, InterruptedException {
        return eval(code, null);
    }

    Reply post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = null;
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            json = JSON.readTree(response.body());
        }
        return new Reply(response.statusCode(), response, json);
    }

    static ObjectNode limits() {
        return JSON.createObjectNode();
    }
}
