package io.github.mqjssandbox.examples.evalservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvalRequestParserTest {
    private final EvalRequestParser parser = new EvalRequestParser();

    private EvalRequest parse(String body) throws BadRequestException {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsCodeAndLimits() throws BadRequestException {
        EvalRequest request = parse("{\"code\": \"1 + 2\", \"limits\": {\"timeoutMs\": 50, \"memoryLimitBytes\": 1048576,"
                + " \"fuel\": 7, \"maxOutputBytes\": 0}}");
        assertEquals("1 + 2", request.code());
        assertEquals(new RequestedLimits(1_048_576L, 50L, 7L, 0L), request.limits());
    }

    @Test
    void limitsAreOptional() throws BadRequestException {
        assertEquals(RequestedLimits.NONE, parse("{\"code\": \"x\"}").limits());
        assertEquals(RequestedLimits.NONE, parse("{\"code\": \"x\", \"limits\": null}").limits());
        assertEquals(new RequestedLimits(null, 9L, null, null), parse("{\"code\": \"x\", \"limits\": {\"timeoutMs\": 9}}").limits());
    }

    @Test
    void aNumberBeyondALongAsksForEverything() throws BadRequestException {
        RequestedLimits limits = parse("{\"code\": \"x\", \"limits\": {\"memoryLimitBytes\": 100000000000000000000000000}}").limits();
        assertEquals(Long.MAX_VALUE, limits.memoryLimitBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "{\"code\": ",
        "[]",
        "\"1 + 2\"",
        "{}",
        "{\"code\": 12}",
        "{\"code\": \"x\", \"code\": \"y\"}",
        "{\"code\": \"x\"} {}",
        "{\"code\": \"x\", \"timeout\": 5}",
        "{\"code\": \"x\", \"limits\": 5}",
        "{\"code\": \"x\", \"limits\": {\"timeout\": 5}}",
        "{\"code\": \"x\", \"limits\": {\"timeoutMs\": 1.5}}",
        "{\"code\": \"x\", \"limits\": {\"timeoutMs\": \"50\"}}",
        "{\"code\": \"x\", \"limits\": {\"timeoutMs\": 0}}",
        "{\"code\": \"x\", \"limits\": {\"fuel\": -1}}",
        "{\"code\": \"x\", \"limits\": {\"maxOutputBytes\": -100000000000000000000000}}",
        "{\"code\": \"x\", \"limits\": {\"memoryLimitBytes\": 1024}}",
    })
    void malformedRequestsAreRefusedWithAReason(String body) {
        BadRequestException e = assertThrows(BadRequestException.class, () -> parse(body));
        assertFalse(e.getMessage().isBlank());
    }
}
