package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How crashes of the engine are described (CStackGuardTest shows the C-stack trap itself). */
class OutcomeJudgeTest {
    private final SandboxConfig config = SandboxConfig.builder().build();
    private final OutcomeJudge judge =
            new OutcomeJudge(config, new SandboxHost(config), new FuelBudget(config.fuelLimit()));

    @Test
    void aCStackOverflowIsATypedInternalErrorThatSaysSo() {
        RuntimeException trap = new RuntimeException("out of bounds memory access");
        SandboxInternalException e = assertThrows(SandboxInternalException.class,
                () -> judge.crashed(Attempt.crashed(-1, false, true, trap)));
        assertEquals(ErrorKind.INTERNAL, e.kind());
        assertEquals("the engine overflowed its C stack; the sandbox was reset", e.getMessage());
        assertSame(trap, e.getCause());
    }

    @Test
    void anyOtherTrapNamesTheTrap() {
        RuntimeException trap = new RuntimeException("out of bounds memory access");
        SandboxInternalException e = assertThrows(SandboxInternalException.class,
                () -> judge.crashed(Attempt.crashed(-1, false, false, trap)));
        assertEquals("the engine failed (RuntimeException: out of bounds memory access); the sandbox was reset",
                e.getMessage());
    }

    /** The parser-free path for small scalars gives exactly the node the parser gives, and declines the rest. */
    @Test
    void smallScalarsReadAsTheParserReadsThem() throws Exception {
        String[] taken = {"0", "3", "-7", "123456789", "-999999999", "true", "false", "null"};
        for (String json : taken) {
            com.fasterxml.jackson.databind.JsonNode fast = OutcomeJudge.simpleScalar(json);
            com.fasterxml.jackson.databind.JsonNode parsed = io.github.mqjssandbox.internal.JsonTrees.parse(json);
            assertEquals(parsed, fast, json);
            assertEquals(parsed.getClass(), fast.getClass(), json);
        }
        String[] declined = {"", "-", "1234567890", "2147483648", "01", "1.5", "1e3", "\"3\"", "[1]", "{}", " 1", "-0.0"};
        for (String json : declined) {
            assertEquals(null, OutcomeJudge.simpleScalar(json), json);
        }
    }
}
