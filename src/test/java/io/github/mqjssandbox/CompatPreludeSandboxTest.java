package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What the compatibility prelude means for a sandbox, beyond what its builtins compute (those are
 * compared with Node in compat.CompatPreludeTest): it is part of the template, so sandboxes do
 * not evaluate it again; it can be switched off; its Date reads the sandbox's clock.
 */
class CompatPreludeSandboxTest {
    private static final int PAGE = 65536;

    @Test
    void sandboxesAfterTheFirstStartFromTheTemplateWithoutEvaluatingThePreludeAgain() {
        long withPrelude = privateBytesOfASecondSandbox(true);
        long without = privateBytesOfASecondSandbox(false);
        // Evaluating the prelude writes far more than a page of heap; the seed alone writes one.
        assertTrue(withPrelude <= without + PAGE, withPrelude + " private bytes with the prelude, " + without + " without");
    }

    private static long privateBytesOfASecondSandbox(boolean prelude) {
        SandboxConfig config = TestSandboxes.config(Engine.AOT).compatPrelude(prelude).memoryLimitBytes(3 << 20).build();
        try (Sandbox first = Sandbox.create(config); Sandbox second = Sandbox.create(config)) {
            return second.memoryState().privateBytes();
        }
    }

    /**
     * The prelude runs from bytecode outside the JS heap; names it defines from string literals
     * must still be found by a name built at run time, after collections (hibernation collects
     * garbage after every call here).
     */
    @Test
    void everyNameThePreludeDefinesIsFoundByANameBuiltAtRunTime() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.hibernateWhenIdle(java.time.Duration.ZERO))) {
            sandbox.eval("var holders = [this, Object, Object.prototype, String, String.prototype, Array, Array.prototype,"
                    + " Date, Date.prototype, Error.prototype, Number.prototype, Boolean.prototype, RegExp.prototype,"
                    + " Function.prototype, Math, JSON]");
            String missing = sandbox.eval("var missing = [], names = 0;"
                    + "holders.forEach(function (o, i) { Object.keys(o).forEach(function (k) {"
                    + "  names++; if (!o.hasOwnProperty(k.split('').join(''))) missing.push(i + '.' + k); }); });"
                    + "[names > 150, missing]").value().toString();
            assertEquals("[true,[]]", missing);
        }
    }

    @Test
    void theDefaultHasThePreludeAndResetKeepsIt() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT)) {
            assertTrue(SandboxConfig.defaults().compatPrelude());
            sandbox.eval("encodeURIComponent = null; Date = null");
            sandbox.reset();
            assertEquals("\"function function\"", sandbox.eval("typeof encodeURIComponent + ' ' + typeof Date.UTC").value().toString());
        }
    }

    @Test
    void switchedOffScriptsSeeTheEnginesOwnGlobals() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.compatPrelude(false))) {
            assertEquals("[\"undefined\",\"undefined\",\"undefined\",\"undefined\"]", sandbox.eval(
                    "[typeof encodeURIComponent, typeof self, typeof global, typeof ''.substr]").value().toString());
            JsException e = assertThrows(JsException.class, () -> sandbox.eval("new Date(0)"));
            assertEquals("only Date.now() is supported", e.jsMessage());
        }
    }

    @Test
    void selfAndGlobalAreTheGlobalObjectAndThereIsNoWindow() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT)) {
            assertEquals("[true,true,true,\"undefined\",\"undefined\"]", sandbox.eval(
                    "[self === this, global === this, globalThis === this, typeof window, typeof document]").value().toString());
        }
    }

    @Test
    void dateReadsTheSandboxClockEvenWhenAScriptReplacesDateNow() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT)) {
            assertEquals(TestSandboxes.FIXED_NOW, sandbox.eval("new Date().getTime()").value().asLong());
            assertEquals(TestSandboxes.FIXED_NOW, sandbox.eval("Date.now()").value().asLong());
            assertEquals("true", sandbox.eval("Date() === new Date(Date.now()).toString()").display());
            assertEquals("\"2023-11-14T22:13:20.000Z 5\"",
                    sandbox.eval("Date.now = function () { return 5; }; new Date().toISOString() + ' ' + Date.now()").value().toString());
        }
    }

    /** Node's own parser reads a year such as 0001 in this text as 2001; the specification does not. */
    @Test
    void everyDateReadsBackFromItsStringsEarlyYearsToo() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT)) {
            assertEquals("[]", sandbox.eval("var bad = []; for (var y = -2000; y <= 2000; y += 7) {"
                    + " var d = new Date(Date.UTC(y, y & 11, 1 + (y & 15), y & 23, 59, 58));"
                    + " if (Date.parse(d.toString()) !== d.getTime() || Date.parse(d.toUTCString()) !== d.getTime()"
                    + " || Date.parse(d.toISOString()) !== d.getTime()) bad.push(y); } bad").value().toString());
        }
    }

    @Test
    void theSmallestHeapStillHoldsThePreludeAndRoomForAScript() {
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT, b -> b.memoryLimitBytes(SandboxConfig.MIN_MEMORY_LIMIT_BYTES))) {
            EvalResult r = sandbox.eval("[1, 2, 3].map(function (x) { return encodeURIComponent('a b' + x); }).join()");
            assertEquals("a%20b1,a%20b2,a%20b3", r.display());
        }
    }

    /** A snapshot holds the whole script state, the prelude's functions included. */
    @Test
    void aSnapshotCarriesThePreludeAndAResetReturnsToTheConfiguredTemplate() {
        byte[] saved;
        try (Sandbox sandbox = TestSandboxes.open(Engine.AOT)) {
            saved = sandbox.snapshot();
        }
        try (Sandbox restored = Sandbox.restore(saved, TestSandboxes.config(Engine.AOT).compatPrelude(false).build())) {
            assertEquals("function", restored.eval("typeof encodeURIComponent").display());
            restored.reset();
            assertEquals("undefined", restored.eval("typeof encodeURIComponent").display());
        }
    }
}
