package io.github.mqjssandbox.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import io.github.mqjssandbox.Engine;
import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.JsException;
import io.github.mqjssandbox.Sandbox;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.SandboxException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What every adversarial test shares. The suite uses only the public API, as a hostile
 * script's host would: a deterministic seed and clock, a generous timeout so that no test can
 * hang, and after each attack the check that the sandbox (or its replacement after a reset)
 * still computes {@code 1 + 1}.
 */
final class Adversary {
    static final long FIXED_NOW = 1_700_000_000_000L;
    /** Stops anything a test did not mean to run long; attacks set their own, shorter limits. */
    static final Duration SAFETY_TIMEOUT = Duration.ofSeconds(30);
    /** A timeout that every engine, the interpreter included, reaches quickly. */
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(100);
    static final Duration SHORT_GRACE = Duration.ofMillis(150);

    private Adversary() {}

    static SandboxConfig.Builder config(Engine engine) {
        return SandboxConfig.builder()
                .engine(engine)
                .randomSeed(42)
                .fixedClock(FIXED_NOW)
                .timeout(SAFETY_TIMEOUT);
    }

    static Sandbox open(Engine engine) {
        return Sandbox.create(config(engine).build());
    }

    static Sandbox open(Engine engine, Consumer<SandboxConfig.Builder> settings) {
        SandboxConfig.Builder builder = config(engine);
        settings.accept(builder);
        return Sandbox.create(builder.build());
    }

    /** A sandbox stopped by a short timeout, with a short grace before the hard stop. */
    static Sandbox timed(Engine engine) {
        return open(engine, b -> b.timeout(SHORT_TIMEOUT).hardStopGrace(SHORT_GRACE));
    }

    /** The sandbox (or the fresh instance that replaced a discarded one) still works. */
    static void assertStillWorks(Sandbox sandbox) {
        assertFalse(sandbox.isClosed(), "the sandbox must stay open");
        EvalResult r = sandbox.eval("1 + 1");
        assertEquals(IntNode.valueOf(2), r.value());
        assertEquals("2", r.display());
        assertTrue(r.memoryUsedBytes() <= sandbox.config().memoryLimitBytes(),
                r.memoryUsedBytes() + " bytes used, over the limit");
    }

    /**
     * Runs {@code script}, which must fail with exactly {@code type} (never a subclass the
     * test did not name, never an untyped exception), then checks the sandbox still works.
     */
    static <T extends SandboxException> T assertFails(Class<T> type, Sandbox sandbox, String script) {
        T e = assertThrows(type, () -> sandbox.eval(script));
        assertEquals(type, e.getClass(), () -> "expected exactly " + type.getSimpleName() + ", got " + e);
        assertStillWorks(sandbox);
        return e;
    }

    /** A JS error with this name and message; the sandbox works afterwards. */
    static JsException assertJsError(Sandbox sandbox, String script, String name, String message) {
        JsException e = assertFails(JsException.class, sandbox, script);
        assertEquals(name, e.name(), e::getMessage);
        assertEquals(message, e.jsMessage(), e::getMessage);
        return e;
    }

    /** The value of {@code script}, then the sandbox still works. */
    static EvalResult assertEvaluates(Sandbox sandbox, String script) {
        EvalResult r = sandbox.eval(script);
        assertStillWorks(sandbox);
        return r;
    }

    /** Every engine crossed with every script. */
    static Stream<Arguments> everyEngine(String... scripts) {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Engine engine : Engine.values()) {
            for (String script : scripts) {
                cases.add(Arguments.of(engine, script));
            }
        }
        return cases.build();
    }

    /** {@code open + body + close x n}: a string of {@code depth} nested openers around {@code core}. */
    static String nested(String open, String core, String close, int depth) {
        return open.repeat(depth) + core + close.repeat(depth);
    }
}
