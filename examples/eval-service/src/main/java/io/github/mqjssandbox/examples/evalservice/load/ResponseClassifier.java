package io.github.mqjssandbox.examples.evalservice.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mqjssandbox.ErrorKind;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names what a {@code POST /eval} response says, or calls it untyped: a 200 must be a result
 * with {@code ok} true or a known error kind, anything else a request error with its code.
 */
public final class ResponseClassifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KINDS =
            Arrays.stream(ErrorKind.values()).map(ErrorKind::label).collect(Collectors.toUnmodifiableSet());

    /** {@code label} is "ok", an error kind or "httpNNN"; {@code typed} false when the response breaks the contract. */
    public record Classified(String label, boolean typed) {}

    private ResponseClassifier() {}

    public static Classified classify(int status, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return untyped(status, "a body that is not JSON");
        }
        if (json == null || !json.isObject()) {
            return untyped(status, "a body that is not a JSON object");
        }
        if (status == 200) {
            if (json.path("ok").asBoolean(false)) {
                return new Classified("ok", true);
            }
            String kind = json.path("error").path("kind").asText("");
            return KINDS.contains(kind) ? new Classified(kind, true) : untyped(status, "no known error kind");
        }
        return json.path("requestError").isTextual() ? new Classified("http" + status, true)
                : untyped(status, "no requestError code");
    }

    private static Classified untyped(int status, String why) {
        return new Classified("untyped " + status + ": " + why, false);
    }
}
