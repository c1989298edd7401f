package io.github.mqjssandbox.adversarial;

import static io.github.mqjssandbox.adversarial.Adversary.assertStillWorks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxInternalException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Depth as a weapon: deep recursion in JS and through native frames, deeply nested source
 * for the parser, deep JSON both ways. The answer is a typed error or the correct value,
 * never a StackOverflowError escaping, in every engine and on small caller stacks.
 */
class StackDepthTest {
    private static final long SMALL_STACK = 192 << 10;

    /**
     * The result is read on the calling thread, recursively: a script returning a value nested
     * 1000 deep (the reader's bound) made a thread with a small stack throw StackOverflowError
     * out of eval. Now it is a typed error, and the sandbox (untouched) goes on.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDeepResultReadOnASmallCallerStackIsATypedError(boolean onCallerThread) throws Exception {
        try (Sandbox warm = Adversary.open(Engine.AOT)) {
            // every class the result reader needs is loaded on a normal stack first
            warm.eval("[1, 'x', 1.5, true, null, {a: [2]}, 12345678901]");
        }
        String deep = "var kept = 'yes'; var v = 0; for (var i = 0; i < 1000; i++) v = [v]; v";
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<String> after = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try (Sandbox sandbox = Adversary.open(Engine.AOT, b -> b.evaluateOnCallerThread(onCallerThread))) {
                try {
                    sandbox.eval(deep);
                } catch (Throwable t) {
                    failure.set(t);
                }
                assertStillWorks(sandbox);
                after.set(sandbox.eval("kept").display());
            } catch (Throwable t) {
                after.set(t.toString());
            }
        }, "small-stack caller", SMALL_STACK);
        small.start();
        small.join();
        SandboxInternalException e = assertInstanceOf(SandboxInternalException.class, failure.get());
        assertEquals("the calling thread's stack is too small to read the result (it may nest 1000 deep);"
                + " the sandbox is unaffected", e.getMessage());
        assertInstanceOf(StackOverflowError.class, e.getCause());
        assertEquals("yes", after.get(), "the script's state is intact");
    }
}
