package io.github.mqjssandbox.transpile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Untrusted source on the host: nesting, chains, deadlines. Nothing but a TranspileException escapes. */
class TranspileSafetyTest {
    /** A deadline no compile meets: a typed nesting error under it proves the compiler never ran. */
    private static final Transpiler NO_TIME_TO_COMPILE = Transpiler.create(
            TranspileOptions.builder().timeout(Duration.ofNanos(1)).build());

    @ParameterizedTest
    @ValueSource(strings = {"(", "[", "{", "`${", "{a:"})
    void tenThousandNestedBracketsAreASyntaxErrorBeforeCompiling(String opener) {
        String prefix = "x = ";
        String source = prefix + opener.repeat(10_000);
        TranspileException e = assertThrows(TranspileException.class, () -> NO_TIME_TO_COMPILE.transpile(source));
        assertEquals(TranspileException.Problem.NESTING_TOO_DEEP, e.problem(), e.getMessage());
        assertEquals("brackets nested deeper than 1000 levels", e.reason());
        assertEquals("SyntaxError: brackets nested deeper than 1000 levels (line 1, column " + e.column().getAsInt() + ")", e.getMessage());
        assertEquals(OptionalInt.of(1), e.line());
        int levelStart = opener.startsWith("`") ? 2 : 1; // a template's level opens at its "${"
        assertEquals(OptionalInt.of(prefix.length() + 1000 * opener.length() + levelStart), e.column());
    }

    @ParameterizedTest
    @ValueSource(strings = {".a", "()", "[0]", "?.b"})
    void aHundredThousandChainedLinksAreASyntaxErrorBeforeCompiling(String link) {
        // Closure's parser spends time quadratic in such a chain and never looks at interrupts
        String source = "var x = {};\nx" + link.repeat(100_000);
        TranspileException e = assertThrows(TranspileException.class, () -> NO_TIME_TO_COMPILE.transpile(source));
        assertEquals(TranspileException.Problem.NESTING_TOO_DEEP, e.problem(), e.getMessage());
        assertTrue(e.reason().contains("more than 1000 member accesses, calls or indexes chained"), e.reason());
        assertEquals(OptionalInt.of(2), e.line());
        assertEquals(OptionalInt.of(2 + 1000 * link.length()), e.column());
    }

    @Test
    void bracketsInsideStringsCommentsAndRegexesDoNotCount() {
        String noise = "'((((' + \"[[[[\" + `{{{{` + /\\(((([(]/.source; // ((((\n/* [[[[ */\n";
        String source = noise.repeat(500) + "[1, 2].map((x) => x * 2)";
        String code = Transpiler.create().transpile(source).code();
        assertTrue(code.endsWith("[1,2].map(function(x){return x*2});"), code.substring(code.length() - 80));
    }

    @Test
    void theLimitsDepthAndChainCompile() {
        // the compiler thread's stack is sized for the limit: every shape at 1000 levels compiles
        Transpiler transpiler = Transpiler.create(TranspileOptions.builder().timeout(Duration.ofMinutes(1)).build());
        String[] sources = {
            "(".repeat(1000) + "1" + ")".repeat(1000),
            "[".repeat(1000) + "]".repeat(1000),
            "x = " + "{a:".repeat(1000) + "1" + "}".repeat(1000),
            "(function(){".repeat(500) + "})()".repeat(500),
            "`${".repeat(1000) + "1" + "}`".repeat(1000),
            "var x = {};\nx" + ".a".repeat(1000),
        };
        for (String source : sources) {
            assertTrue(transpiler.transpile(source).code().length() > 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x => ", "!", "a ? 1 : ", "typeof ", "if (a) 1; else "})
    void deepRecursionWithoutBracketsEndsOnTheCompilersOwnStack(String level) {
        String source = level.repeat(50_000) + "1";
        TranspileException e = assertThrows(TranspileException.class,
                () -> Transpiler.create(TranspileOptions.builder().timeout(Duration.ofMinutes(1)).build()).transpile(source));
        assertEquals(TranspileException.Problem.NESTING_TOO_DEEP, e.problem(), e.getMessage());
    }

    @Test
    void aCompilePastItsDeadlineIsATimeoutAndItsThreadStops() throws Exception {
        // 12,000 chained else-ifs take Closure over a minute: time quadratic in the chain
        String source = "var a = 1;\n" + "if (a) 1; else ".repeat(12_000) + "2;";
        Transpiler transpiler = Transpiler.create(TranspileOptions.builder().timeout(Duration.ofMillis(500)).build());
        long start = System.nanoTime();
        TranspileException e = assertThrows(TranspileException.class, () -> transpiler.transpile(source));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(TranspileException.Problem.TIMEOUT, e.problem());
        assertEquals("the transpile did not finish within 500 ms", e.getMessage());
        assertTrue(tookMillis < 3_000, "returned after " + tookMillis + " ms");
        // interrupted, Closure gives up at the start of its next pass
        assertTrue(waitUntilNoCompileThreads(Duration.ofSeconds(60)), "the compile thread still runs");
    }

    @Test
    void aRunawayCompileHoldsItsPermitSoOthersWaitOnlyUntilTheirDeadline() throws Exception {
        String slow = "var a = 1;\n" + "if (a) 1; else ".repeat(12_000) + "2;";
        Transpiler transpiler = Transpiler.create(TranspileOptions.builder()
                .maxConcurrentCompiles(1).timeout(Duration.ofSeconds(2)).build());
        CompletableFuture<TranspileException> first = CompletableFuture.supplyAsync(
                () -> assertThrows(TranspileException.class, () -> transpiler.transpile(slow)));
        // the slow compile holds the only permit once its thread runs
        assertTrue(waitUntil(Duration.ofSeconds(10), TranspileSafetyTest::compileThreadRuns), "the slow compile never started");
        TranspileException waited = assertThrows(TranspileException.class, () -> transpiler.transpile("let quick = 1"));
        assertEquals(TranspileException.Problem.TIMEOUT, waited.problem());
        assertTrue(waited.getMessage().startsWith("no compiler thread became free within"), waited.getMessage());
        assertEquals(TranspileException.Problem.TIMEOUT, first.get(30, TimeUnit.SECONDS).problem());
        assertTrue(waitUntilNoCompileThreads(Duration.ofSeconds(60)), "the compile thread still runs");
        assertTrue(transpiler.transpile("let quick = 1").code().contains("var quick=1"), "the permit came back");
    }

    private static boolean waitUntilNoCompileThreads(Duration within) throws InterruptedException {
        return waitUntil(within, () -> !compileThreadRuns());
    }

    private static boolean compileThreadRuns() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("mquickjs-transpile-"));
    }

    private static boolean waitUntil(Duration within, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
