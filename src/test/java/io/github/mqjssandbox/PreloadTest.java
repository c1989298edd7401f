package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Preloaded scripts (SandboxConfig.preload): run once into the template, so every sandbox and
 * every reset starts with what they defined; a failing one is a typed error that keeps nothing.
 */
class PreloadTest {
    private static final String GREETER = "var greetings = 0;\n"
            + "function greet(name) { greetings++; return 'Hello, ' + name + '!'; }\n";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everySandboxAndEveryResetStartsWithWhatThePreloadDefined(Engine engine) {
        SandboxConfig config = TestSandboxes.config(engine).preload("greeter.js", GREETER).build();
        try (Sandbox first = Sandbox.create(config); Sandbox second = Sandbox.create(config)) {
            assertEquals("\"Hello, Ada!\"", first.eval("greet('Ada')").value().toString());
            assertEquals("[1,0]", "[" + first.eval("greetings").value() + "," + second.eval("greetings").value() + "]",
                    "a preloaded global changed in one sandbox stays in that sandbox");
            first.reset();
            assertEquals("0", first.eval("greetings").value().toString());
            assertEquals("\"Hello, Bob!\"", first.eval("greet('Bob')").value().toString());
        }
    }

    @Test
    void thePreloadRunsOnceForAllSandboxesOfItsConfiguration() {
        AtomicInteger clockReads = new AtomicInteger();
        SandboxConfig config = SandboxConfig.builder()
                .clock(() -> 1_000L * clockReads.incrementAndGet())
                .preload("stamp.js", "var loadedAt = Date.now();")
                .build();
        for (int i = 0; i < 3; i++) {
            try (Sandbox sandbox = Sandbox.create(config)) {
                assertEquals("1000", sandbox.eval("loadedAt").value().toString());
            }
        }
        assertEquals(1, clockReads.get(), "the preload read the clock once: it ran once");
    }

    @Test
    void preloadsRunInOrderAfterTheCompatibilityPreludeAndSeeIt() {
        SandboxConfig config = SandboxConfig.builder()
                .preload("a.js", "var order = ['a', encodeURIComponent('x y')];")
                .preload("b.js", "order.push('b');")
                .build();
        try (Sandbox sandbox = Sandbox.create(config)) {
            assertEquals("[\"a\",\"x%20y\",\"b\"]", sandbox.eval("order").value().toString());
        }
    }

    @Test
    void aPreloadedFunctionCallsHostFunctionsLaterButNotWhileLoading() {
        SandboxConfig base = SandboxConfig.builder()
                .hostFunction("twice", args -> IntNode.valueOf(args.get(0).asInt() * 2)).build();
        SandboxConfig later = base.newBuilder().preload("calls.js", "function quad(x) { return twice(twice(x)); }").build();
        try (Sandbox sandbox = Sandbox.create(later)) {
            assertEquals("12", sandbox.eval("quad(3)").value().toString());
        }
        SandboxConfig now = base.newBuilder().preload("calls-now.js", "var six = twice(3);").build();
        PreloadException e = assertThrows(PreloadException.class, () -> Sandbox.create(now));
        assertEquals(ErrorKind.RUNTIME, e.kind());
        // host functions are bound to each sandbox after its copy of the template is made
        assertTrue(e.getMessage().contains("ReferenceError: variable 'twice' is not defined (at <eval> (calls-now.js:1:"),
                e.getMessage());
    }

    @Test
    void aPreloadThatDoesNotParseNamesItsFileAndLine() {
        SandboxConfig config = SandboxConfig.builder().preload("broken.js", "var ok = 1;\nvar = 2;").build();
        PreloadException e = assertThrows(PreloadException.class, () -> Sandbox.create(config));
        assertEquals(ErrorKind.SYNTAX, e.kind());
        assertEquals("broken.js", e.fileName());
        assertTrue(e.getMessage().contains("broken.js") && e.getMessage().contains("SyntaxError"), e.getMessage());
        assertTrue(e.jsStack().contains("broken.js:2"), e.jsStack());
    }

    @Test
    void aPreloadThatThrowsIsARuntimeErrorWithItsStack() {
        SandboxConfig config = SandboxConfig.builder()
                .preload("thrower.js", "function boom() { throw new TypeError('no config'); }\nboom();").build();
        PreloadException e = assertThrows(PreloadException.class, () -> Sandbox.prepare(config));
        assertEquals(ErrorKind.RUNTIME, e.kind());
        assertTrue(e.getMessage().contains("TypeError: no config (at boom (thrower.js:1:"), e.getMessage());
        assertTrue(e.jsStack().contains("thrower.js:1"), e.jsStack());
    }

    @Test
    void aPreloadThatNeverEndsIsStoppedByTheTimeoutAndNothingIsKept() {
        SandboxConfig config = SandboxConfig.builder().timeout(Duration.ofMillis(200))
                .preload("spin.js", "for (;;) {}").build();
        PreloadException e = assertThrows(PreloadException.class, () -> Sandbox.create(config));
        assertEquals(ErrorKind.TIMEOUT, e.kind());
        // The same settings without the bad script are unaffected; the bad one fails again.
        try (Sandbox sandbox = Sandbox.create(SandboxConfig.builder().timeout(Duration.ofMillis(200)).build())) {
            assertEquals("3", sandbox.eval("1+2").value().toString());
        }
        assertThrows(PreloadException.class, () -> Sandbox.create(config));
    }

    @Test
    void aPreloadThatFillsTheHeapIsAMemoryError() {
        SandboxConfig config = SandboxConfig.builder().memoryLimitBytes(1 << 20)
                .preload("hog.js", "var all = []; for (;;) all.push('x' + all.length + 'y' + all.length);").build();
        PreloadException e = assertThrows(PreloadException.class, () -> Sandbox.create(config));
        assertEquals(ErrorKind.MEMORY, e.kind());
    }

    @Test
    void aPreloadOverTheSourceLimitIsRefusedWhenTheConfigurationIsBuilt() {
        SandboxConfig.Builder builder = SandboxConfig.builder().maxSourceBytes(100).preload("big.js", "x".repeat(101));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertEquals("preloaded script big.js is 101 bytes, over maxSourceBytes of 100 bytes", e.getMessage());
        assertFalse(SandboxConfig.defaults().preloads().iterator().hasNext());
    }
}
