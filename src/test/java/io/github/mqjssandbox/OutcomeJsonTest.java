package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** The --json contract's object (README.md), made from real outcomes. */
class OutcomeJsonTest {
    @Test
    void aResultHasItsValueDisplayOutputAndFuel() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.fuelLimit(1_000_000))) {
            EvalResult result = sandbox.eval("print('hi'); ({a: [1, 2]})");
            String fuel = String.valueOf(result.fuelUsed().getAsLong());
            assertEquals("{\"ok\":true,\"value\":{\"a\":[1,2]},\"display\":\"[object Object]\",\"output\":\"hi\\n\","
                    + "\"fuelUsed\":" + fuel + "}", OutcomeJson.of(result).toString());
        }
    }

    @Test
    void aJsErrorHasItsNamePositionAndStack() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT)) {
            JsException e = assertThrows(JsException.class, () -> sandbox.eval("print('x');\nnull.f", "t.js"));
            assertEquals("{\"ok\":false,\"error\":{\"kind\":\"runtime\",\"name\":\"TypeError\",\"message\":\""
                    + e.jsMessage() + "\",\"line\":2,\"column\":" + e.column().getAsInt() + ",\"stack\":"
                    + TextNode.valueOf(e.jsStack()) + "},\"output\":\"x\\n\"}",
                    OutcomeJson.of(e).toString());
        }
    }

    @Test
    void anyOtherFailureHasItsKindAndMessageAndNoPosition() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.memoryLimitBytes(256 << 10))) {
            SandboxException e = assertThrows(MemoryLimitException.class,
                    () -> sandbox.eval("var a = []; for (;;) a.push('x' + a.length)"));
            assertEquals("{\"ok\":false,\"error\":{\"kind\":\"memory\",\"name\":null,\"message\":"
                    + TextNode.valueOf(e.getMessage())
                    + ",\"line\":null,\"column\":null},\"output\":\"\"}", OutcomeJson.of(e).toString());
        }
    }
}
