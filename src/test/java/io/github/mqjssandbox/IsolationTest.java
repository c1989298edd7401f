package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IsolationTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sandboxesShareNoGlobalsPrototypesOrHeap(Engine engine) {
        try (Sandbox a = TestSandboxes.open(engine); Sandbox b = TestSandboxes.open(engine)) {
            a.eval("var secret = 'a'; Array.prototype.leak = function () { return 'leaked'; };"
                    + " Object.prototype.polluted = 1; Math.max = function () { return -1; };");
            assertEquals("undefined undefined undefined 2", b.eval(
                    "typeof secret + ' ' + typeof [].leak + ' ' + typeof ({}).polluted + ' ' + Math.max(1, 2)").display());
            assertEquals("leaked", a.eval("[].leak()").display());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void resetGivesAFreshContext(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            sandbox.eval("var x = 1; String.prototype.shout = function () { return 'no'; };");
            sandbox.reset();
            assertEquals("undefined undefined", sandbox.eval("typeof x + ' ' + typeof ''.shout").display());
        }
    }

    @Test
    void oneThreadAtATime() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.hostFunction("block", args -> {
            inside.countDown();
            release.await(30, TimeUnit.SECONDS);
            return IntNode.valueOf(7);
        }))) {
            CompletableFuture<EvalResult> first = CompletableFuture.supplyAsync(() -> sandbox.eval("block()"));
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            SandboxStateException busy = assertThrows(SandboxStateException.class, () -> sandbox.eval("1"));
            assertTrue(busy.getMessage().contains("in use by another thread"), busy.getMessage());
            release.countDown();
            assertEquals(IntNode.valueOf(7), first.get(30, TimeUnit.SECONDS).value());
            assertEquals(IntNode.valueOf(1), sandbox.eval("1").value(), "free again afterwards");
        }
    }

    @Test
    void aHostFunctionCannotReenterItsOwnSandbox() {
        Sandbox[] self = new Sandbox[1];
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.hostFunction("reenter", args -> {
            self[0].eval("1");
            return null;
        }))) {
            self[0] = sandbox;
            assertEquals("host function 'reenter' failed", sandbox.eval(
                    "try { reenter(); } catch (e) { e.message }").display());
        }
    }

    @Test
    void closedSandboxesSaySo() {
        Sandbox sandbox = TestSandboxes.open(Engine.AOT);
        sandbox.close();
        assertTrue(sandbox.isClosed());
        SandboxStateException e = assertThrows(SandboxStateException.class, () -> sandbox.eval("1"));
        assertEquals("the sandbox is closed", e.getMessage());
        sandbox.close();
    }
}
