package io.github.mqjssandbox.transpile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import io.github.mqjssandbox.ErrorKind;
import io.github.mqjssandbox.SandboxConfig;
import io.github.mqjssandbox.SandboxPool;
import io.github.mqjssandbox.ScriptTimeoutException;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TranspilingSandboxTest {
    private static final SandboxConfig CONFIG = SandboxConfig.builder().timeout(Duration.ofSeconds(5)).build();
    private static final Transpiler TRANSPILER = Transpiler.create(TranspileOptions.forSandbox(CONFIG));

    @Test
    void modernScriptsRunAndGlobalsPersist() {
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(CONFIG, TRANSPILER)) {
            sandbox.eval("const greet = (name = 'world') => `hello ${name}`;");
            assertEquals("\"hello ada\"", sandbox.eval("greet('ada')").value().toString());
            assertEquals("hello world", sandbox.eval("greet()").display());
        }
    }

    @Test
    void aRuntimeErrorPointsAtTheLineAndColumnAsWritten() {
        String script = String.join("\n",
                "const config = { retries: 3 };",
                "const label = `retries: ${config.retries}`;",
                "let missing;",
                "const value = missing.field;");
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(CONFIG, TRANSPILER)) {
            TranspiledScriptException e = assertThrows(TranspiledScriptException.class, () -> sandbox.eval(script, "job.js"));
            assertEquals(ErrorKind.RUNTIME, e.kind());
            assertEquals("TypeError", e.name());
            assertEquals("cannot read property 'field' of undefined", e.jsMessage());
            assertEquals(OptionalInt.of(4), e.line());
            assertEquals(OptionalInt.of(23), e.column());
            assertEquals("TypeError: cannot read property 'field' of undefined (line 4, column 23)", e.getMessage());
            assertEquals("    at <eval> (job.js:4:23)\n", e.jsStack());
            assertTrue(e.jsException().line().getAsInt() != 4 || e.jsException().column().getAsInt() != 23,
                    "the library's own position is in the ES5 code");
        }
    }

    @Test
    void everyFrameOfTheStackIsMapped() {
        String script = String.join("\n",
                "class Account {",
                "  constructor(balance) { this.balance = balance; }",
                "  withdraw(amount) {",
                "    if (amount > this.balance) {",
                "      throw new RangeError(`cannot withdraw ${amount}`);",
                "    }",
                "    this.balance -= amount;",
                "  }",
                "}",
                "const account = new Account(10);",
                "[5, 20].forEach((amount) => account.withdraw(amount));");
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(CONFIG, TRANSPILER)) {
            TranspiledScriptException e = assertThrows(TranspiledScriptException.class, () -> sandbox.eval(script, "bank.js"));
            assertEquals("RangeError: cannot withdraw 20 (line 5, column 13)", e.getMessage());
            // methods become anonymous function expressions in ES5, hence the frames without a name
            assertEquals(String.join("\n",
                    "    at  (bank.js:5:13)",
                    "    at  (bank.js:11:29)",
                    "    at forEach (native)",
                    "    at <eval> (bank.js:11:1)",
                    ""), e.jsStack());
        }
    }

    @Test
    void anErrorInsideARuntimeHelperPointsAtTheCallerAsWritten() {
        // for...of over a number fails in $jscomp.makeIterator, a helper the compiler added
        String script = "let total = 0;\nfor (const x of 42) total += x;";
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(CONFIG, TRANSPILER)) {
            TranspiledScriptException e = assertThrows(TranspiledScriptException.class, () -> sandbox.eval(script, "loop.js"));
            assertEquals(OptionalInt.of(2), e.line(), e.jsStack());
            assertTrue(e.jsStack().contains("loop.js, transpiler runtime"), e.jsStack());
        }
    }

    @Test
    void aFunctionFromAnEarlierScriptMapsThroughThatScript() {
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(CONFIG, TRANSPILER)) {
            sandbox.eval("const parse = (text) => {\n  const data = JSON.parse(text);\n  return data.items.length;\n};", "lib.js");
            TranspiledScriptException fromEval = assertThrows(TranspiledScriptException.class,
                    () -> sandbox.eval("parse('{}')", "main.js"));
            assertEquals(OptionalInt.of(3), fromEval.line(), fromEval.jsStack());
            assertTrue(fromEval.jsStack().contains("(lib.js:3:"), fromEval.jsStack());
            assertTrue(fromEval.jsStack().contains("main.js:1:"), fromEval.jsStack());

            TranspiledScriptException fromCall = assertThrows(TranspiledScriptException.class,
                    () -> sandbox.call("parse", com.fasterxml.jackson.databind.node.TextNode.valueOf("{}")));
            assertEquals(OptionalInt.of(3), fromCall.line(), fromCall.jsStack());
            assertEquals(2, sandbox.call("parse", com.fasterxml.jackson.databind.node.TextNode.valueOf("{\"items\":[1,2]}")).value().asInt());
        }
    }

    @Test
    void aTranspileErrorRunsNothing() {
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(CONFIG, TRANSPILER)) {
            TranspileException e = assertThrows(TranspileException.class,
                    () -> sandbox.eval("globalThis.ran = true;\nconst = 1;"));
            assertEquals(TranspileException.Problem.SYNTAX, e.problem());
            assertEquals(OptionalInt.of(2), e.line());
            assertEquals("undefined", sandbox.eval("typeof ran").display());
        }
    }

    @Test
    void aThrownValueWithoutAStackHasNoPosition() {
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(CONFIG, TRANSPILER)) {
            TranspiledScriptException e = assertThrows(TranspiledScriptException.class, () -> sandbox.eval("const n = 42;\nthrow n;"));
            assertEquals("42", e.jsMessage());
            assertEquals(null, e.name());
            assertEquals(OptionalInt.empty(), e.line());
        }
    }

    @Test
    void limitsStayTheLibrarysExceptions() {
        SandboxConfig quick = CONFIG.newBuilder().timeout(Duration.ofMillis(100)).build();
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(quick, TRANSPILER)) {
            assertThrows(ScriptTimeoutException.class, () -> sandbox.eval("for (;;) { const x = 1; }"));
            assertEquals(3, sandbox.eval("[1, 2, 3].length").value().asInt(), "usable again");
        }
    }

    @Test
    void theTranspilerEvaluatesThroughAPoolsLease() throws Exception {
        try (SandboxPool pool = SandboxPool.create(CONFIG, 1);
                SandboxPool.Lease lease = pool.borrow(Duration.ofSeconds(5))) {
            assertEquals(IntNode.valueOf(6), TRANSPILER.eval(lease::eval, "[1, 2, 3].reduce((a, b) => a + b)", "sum.js").value());
            TranspiledScriptException e = assertThrows(TranspiledScriptException.class,
                    () -> TRANSPILER.eval(lease::eval, "const o = null;\no.x", "null.js"));
            assertEquals(OptionalInt.of(2), e.line());
            assertTrue(e.jsStack().contains("null.js:2:"), e.jsStack());
        }
    }

    @Test
    void promiseJobsRunOnceTheScriptHasReturned() {
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(CONFIG, TRANSPILER)) {
            // the result is taken before the jobs run, as Node takes a script's completion value
            assertEquals("[0]", sandbox.eval("var log = [];\nPromise.resolve(1).then((v) => log.push(v));\nlog.push(0);\nlog")
                    .value().toString());
            assertEquals("[0,1]", sandbox.eval("log").value().toString());
            sandbox.eval("var trace = [];\nasync function double(x) { await null; trace.push('awaited'); return x * 2; }");
            // this script brings no Promise of its own: the jobs it queues run all the same
            assertEquals("started", sandbox.eval("double(21).then((v) => trace.push(v));\n'started'").display());
            assertEquals("[\"awaited\",42]", sandbox.eval("trace").value().toString());
            sandbox.call("double", IntNode.valueOf(5));
            assertEquals("[\"awaited\",42,\"awaited\"]", sandbox.eval("trace").value().toString());
        }
    }

    @Test
    void aRejectionNobodyHandlesIsDropped() {
        // Closure's polyfill would report it on console.error, which the engine lacks; Node ends the process
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(CONFIG, TRANSPILER)) {
            assertEquals("went on", sandbox.eval("Promise.reject(new Error('nobody'));\n'went on'").display());
            assertEquals(1, sandbox.eval("[1].length").value().asInt());
        }
    }

    @Test
    void theTranspilerRunsPromiseJobsThroughALeaseToo() throws Exception {
        try (SandboxPool pool = SandboxPool.create(CONFIG, 1);
                SandboxPool.Lease lease = pool.borrow(Duration.ofSeconds(5))) {
            assertEquals("[]", TRANSPILER.eval(lease::eval,
                    "var got = [];\n(async () => { got.push(await Promise.resolve(7)); })();\ngot", "jobs.js").value().toString());
            assertEquals("[7]", lease.eval("got").value().toString());
        }
    }

    @Test
    void createMakesATranspilerFromTheConfigsLimits() {
        SandboxConfig small = CONFIG.newBuilder().maxSourceBytes(64).build();
        try (TranspilingSandbox sandbox = TranspilingSandbox.create(small)) {
            assertEquals(64, sandbox.transpiler().options().maxSourceBytes());
            assertEquals(Duration.ofSeconds(5), sandbox.transpiler().options().timeout());
            TranspileException e = assertThrows(TranspileException.class, () -> sandbox.eval("'" + "x".repeat(100) + "'"));
            assertEquals(TranspileException.Problem.SOURCE_TOO_LARGE, e.problem());
        }
    }
}
