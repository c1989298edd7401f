package io.github.mqjssandbox.examples.evalservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /eval against a server with the default settings: results, each error kind, refusals. */
class EvalEndpointTest {
    private static EvalServer server;
    private static ServiceClient client;

    @BeforeAll
    static void start() throws Exception {
        server = EvalServer.start(ServiceSettings.builder().port(0).build());
        client = new ServiceClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aScriptThatRunsGivesTheCliJsonFields() throws Exception {
        ServiceClient.Reply reply = client.eval("console.log('hi', 1 + 1); [1, 2, 3].map(function (x) { return x * 2; })");
        assertEquals(200, reply.status());
        JsonNode json = reply.json();
        assertTrue(json.get("ok").asBoolean());
        assertEquals("[2,4,6]", json.get("value").toString());
        assertEquals("2,4,6", json.get("display").asText());
        assertEquals("hi 2\n", json.get("output").asText());
        assertTrue(json.get("fuelUsed").asLong() > 0);
        assertTrue(json.get("evalNanos").asLong() > 0);
        assertTrue(json.get("memoryUsedBytes").asLong() > 0);
        // the server's defaults, nothing capped
        assertEquals(8 << 20, json.get("limits").get("memoryLimitBytes").asLong());
        assertEquals(1_000, json.get("limits").get("timeoutMs").asLong());
        assertEquals(0, json.get("capped").size());
    }

    @Test
    void aValueWithNoJsonFormIsNull() throws Exception {
        JsonNode json = client.eval("(function () {})").json();
        assertTrue(json.get("value").isNull());
        assertTrue(json.get("display").asText().startsWith("function"), json.get("display").asText());
    }

    @Test
    void aLoneSurrogateSurvivesAsAnEscape() throws Exception {
        ServiceClient.Reply reply = client.eval("'\\ud800' + '\u00e9'");
        assertEquals(200, reply.status());
        assertTrue(reply.response().body().contains("\\uD800\\u00E9"), reply.response().body());
        assertEquals("\ud800\u00e9", reply.json().get("display").asText());
    }

    @Test
    void aSyntaxErrorIsAResultOfKindSyntax() throws Exception {
        JsonNode error = failure(client.eval("function ("));
        assertEquals("syntax", error.get("kind").asText());
        assertEquals("SyntaxError", error.get("name").asText());
        assertEquals(1, error.get("line").asInt());
    }

    @Test
    void aThrowIsAResultOfKindRuntime() throws Exception {
        ServiceClient.Reply reply = client.eval("print('before'); null.x");
        JsonNode error = failure(reply);
        assertEquals("runtime", error.get("kind").asText());
        assertEquals("TypeError", error.get("name").asText());
        assertTrue(error.get("stack").asText().contains("<eval>"));
        assertEquals("before\n", reply.json().get("output").asText());
    }

    @Test
    void aThrownNonErrorHasNoNameOrPosition() throws Exception {
        JsonNode error = failure(client.eval("throw 42"));
        assertEquals("runtime", error.get("kind").asText());
        assertEquals("42", error.get("message").asText());
        assertTrue(error.get("line").isNull());
    }

    @Test
    void anInfiniteLoopIsAResultOfKindTimeout() throws Exception {
        ServiceClient.Reply reply = client.eval("for (;;) {}", ServiceClient.limits().put("timeoutMs", 50));
        assertEquals("timeout", failure(reply).get("kind").asText());
        assertEquals(50, reply.json().get("limits").get("timeoutMs").asLong());
    }

    @Test
    void aFuelBurnerIsAResultOfKindFuel() throws Exception {
        ServiceClient.Reply reply = client.eval("while (true) {}", ServiceClient.limits().put("fuel", 1_000_000));
        assertEquals("fuel", failure(reply).get("kind").asText());
        assertTrue(reply.json().get("fuelUsed").asLong() > 1_000_000);
    }

    @Test
    void aMemoryBombIsAResultOfKindMemory() throws Exception {
        ServiceClient.Reply reply = client.eval("var s = 'x'; for (;;) s = s + s;",
                ServiceClient.limits().put("memoryLimitBytes", 1 << 20));
        assertEquals("memory", failure(reply).get("kind").asText());
    }

    @Test
    void deepRecursionIsAResultOfKindMemory() throws Exception {
        ServiceClient.Reply reply = client.eval("function f(n) { return f(n + 1) + 1; } f(0)",
                ServiceClient.limits().put("memoryLimitBytes", 256 << 10).put("timeoutMs", 5_000));
        assertEquals("memory", failure(reply).get("kind").asText());
    }

    @Test
    void anOutputFloodIsAResultOfKindOutput() throws Exception {
        ServiceClient.Reply reply = client.eval("for (;;) print('flood');", ServiceClient.limits().put("maxOutputBytes", 100));
        assertEquals("output", failure(reply).get("kind").asText());
        assertTrue(reply.json().get("output").asText().length() <= 100);
    }

    @Test
    void theSandboxIsFreshForEveryRequest() throws Exception {
        client.eval("var leaked = 'secret'; Object.prototype.polluted = 1;");
        JsonNode json = client.eval("typeof leaked + ' ' + typeof ({}).polluted").json();
        assertEquals("undefined undefined", json.get("display").asText());
    }

    @Test
    void malformedJsonIs400WithAJsonReason() throws Exception {
        ServiceClient.Reply reply = client.post("/eval", "{\"code\": ");
        assertEquals(400, reply.status());
        assertEquals("badRequest", reply.json().get("requestError").asText());
        assertFalse(reply.json().get("ok").asBoolean());
        assertTrue(reply.json().get("message").asText().startsWith("malformed JSON"));
    }

    @Test
    void aMisspelledLimitIs400RatherThanIgnored() throws Exception {
        ServiceClient.Reply reply = client.post("/eval", "{\"code\": \"1\", \"limits\": {\"timeout\": 10}}");
        assertEquals(400, reply.status());
        assertTrue(reply.json().get("message").asText().contains("limits.timeout"));
    }

    @Test
    void otherMethodsAndPathsAreRefusedInJson() throws Exception {
        ServiceClient.Reply get = client.get("/eval");
        assertEquals(405, get.status());
        assertEquals("POST", get.header("Allow"));
        ServiceClient.Reply missing = client.get("/evaluate");
        assertEquals(404, missing.status());
        assertEquals("notFound", missing.json().get("requestError").asText());
    }

    private static JsonNode failure(ServiceClient.Reply reply) {
        assertEquals(200, reply.status(), "a script's failure is a result, not a server error");
        assertFalse(reply.json().get("ok").asBoolean());
        return reply.json().get("error");
    }
}
