package io.github.mqjssandbox.examples.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScriptHandlerTest {
    private final ScriptHandler handler = new ScriptHandler();
    private final FakeContext context = new FakeContext();

    @Test
    void returnsTheValueAsJsonAndWhatTheScriptPrinted() {
        ScriptResult result = handler.handleRequest(
                new ScriptRequest("print('hello'); ({answer: 6 * 7, list: [1, 'two']})"), context);

        assertTrue(result.isOk(), result::getErrorMessage);
        assertEquals("{\"answer\":42,\"list\":[1,\"two\"]}", result.getValueJson());
        assertEquals("hello\n", result.getOutput());
        assertTrue(result.getFuelUsed() > 0);
        assertEquals(RequestLimits.DEFAULT_TIMEOUT.toMillis(), result.getTimeoutMillis());
    }

    @Test
    void aScriptErrorIsAnAnswerWithItsKindAndIsLogged() {
        ScriptResult result = handler.handleRequest(new ScriptRequest("null.x"), context);

        assertFalse(result.isOk());
        assertEquals("runtime", result.getErrorKind());
        assertTrue(result.getErrorMessage().contains("TypeError"), result.getErrorMessage());
        assertEquals(1, context.logLines.size());
        assertTrue(context.logLines.get(0).contains("test-request"));
    }

    @Test
    void aRunawayScriptStopsAtItsOwnLowerLimit() {
        ScriptRequest request = new ScriptRequest("for (;;) {}");
        request.setFuelLimit(1_000_000L);

        ScriptResult result = handler.handleRequest(request, context);

        assertEquals("fuel", result.getErrorKind());
        assertEquals(1_000_000L, result.getFuelLimit());
    }

    @Test
    void limitsAboveTheCapsAreCapped() {
        ScriptRequest request = new ScriptRequest("1");
        request.setTimeoutMillis(3_600_000L);
        request.setFuelLimit(Long.MAX_VALUE);
        request.setMemoryLimitBytes(1L << 30);

        ScriptResult result = handler.handleRequest(request, context);

        assertTrue(result.isOk());
        assertEquals(RequestLimits.MAX_TIMEOUT.toMillis(), result.getTimeoutMillis());
        assertEquals(RequestLimits.MAX_FUEL, result.getFuelLimit());
        assertEquals(RequestLimits.MAX_MEMORY_BYTES, result.getMemoryLimitBytes());
    }

    @Test
    void theTimeoutEndsBeforeTheInvocationDoes() {
        ScriptRequest request = new ScriptRequest("var t = Date.now(); while (Date.now() - t < 10000) {}");
        request.setFuelLimit(RequestLimits.MAX_FUEL);

        ScriptResult result = handler.handleRequest(request, new FakeContext(250));

        assertEquals("timeout", result.getErrorKind());
        assertEquals(50, result.getTimeoutMillis());
    }

    @Test
    void aRequestWithoutCodeIsRejected() {
        ScriptResult result = handler.handleRequest(new ScriptRequest(), context);

        assertEquals("request", result.getErrorKind());
        assertNull(result.getTimeoutMillis());
    }

    @Test
    void sourceOverTheLimitIsRejected() {
        ScriptResult result = handler.handleRequest(new ScriptRequest("1;".repeat(40_000)), context);

        assertEquals("request", result.getErrorKind());
        assertTrue(result.getErrorMessage().contains("over the limit"), result.getErrorMessage());
    }
}
