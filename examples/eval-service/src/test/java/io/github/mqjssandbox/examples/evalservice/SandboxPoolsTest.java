package io.github.mqjssandbox.examples.evalservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxPoolsTest {
    private static Limits limits(long timeoutMs) {
        return new Limits(1 << 20, timeoutMs, 10_000_000, 1_024);
    }

    @Test
    void onePoolPerLimitSetAndTheLeastRecentlyUsedIsClosedBeyondTheMaximum() throws Exception {
        try (SandboxPools pools = new SandboxPools(2, Duration.ofSeconds(1), 2)) {
            for (long timeout : new long[] {100, 200, 100, 300}) {
                try (SandboxPools.Loan loan = pools.borrow(limits(timeout))) {
                    assertEquals("2", loan.eval("1 + 1", "t.js").display());
                }
            }
            JsonNode metrics = pools.metricsJson();
            assertEquals(2, metrics.get("pools").asInt(), "100 and 300 kept");
            assertEquals(1, metrics.get("poolsRetired").asInt(), "200 was the least recently used");
            assertEquals(3, metrics.get("created").asLong());
            assertEquals(1, metrics.get("reused").asLong());
            assertEquals(0, metrics.get("borrowed").asLong());
        }
    }

    @Test
    void aPoolEvictedWhileLentIsClosedWhenItsSandboxComesBack() throws Exception {
        try (SandboxPools pools = new SandboxPools(2, Duration.ofSeconds(1), 1)) {
            SandboxPools.Loan held = pools.borrow(limits(100));
            try (SandboxPools.Loan other = pools.borrow(limits(200))) {
                other.eval("1", "t.js"); // its pool pushed the first one out
            }
            assertEquals(0, pools.metricsJson().get("poolsRetired").asInt(), "still lent");
            assertEquals("still usable", held.eval("'still usable'", "t.js").display());
            held.close();
            assertEquals(1, pools.metricsJson().get("poolsRetired").asInt());
        }
    }

    @Test
    void withEverySlotLentABorrowerWaitsThenGetsBusy() throws Exception {
        try (SandboxPools pools = new SandboxPools(1, Duration.ofMillis(30), 4)) {
            try (SandboxPools.Loan only = pools.borrow(limits(100))) {
                assertThrows(ServiceBusyException.class, () -> pools.borrow(limits(200)));
                assertEquals(1, pools.metricsJson().get("slots").get("inUse").asInt());
            }
            try (SandboxPools.Loan again = pools.borrow(limits(200))) {
                assertEquals(0, pools.freeSlots());
            }
            assertEquals(1, pools.freeSlots());
        }
    }
}
