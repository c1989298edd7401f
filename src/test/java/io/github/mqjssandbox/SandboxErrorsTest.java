package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SandboxErrorsTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void applyWithAHugeArgumentListIsATypeErrorAndTheSandboxStaysUsable(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            JsException e = assertThrows(JsException.class,
                    () -> sandbox.eval("var a = [];\na.length = 100000;\nMath.max.apply(null, a)"));
            assertEquals(ErrorKind.RUNTIME, e.kind());
            assertEquals("TypeError", e.name());
            assertEquals("too many call arguments", e.jsMessage());
            assertEquals(OptionalInt.of(3), e.line());
            JsException bind = assertThrows(JsException.class,
                    () -> sandbox.eval("var b = []; b.length = 100000; Function.prototype.bind.apply(Math.max, b)"));
            assertEquals("too many call arguments", bind.jsMessage());
            assertEquals(new IntNode(2), sandbox.eval("1 + 1").value());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void syntaxErrorsCarryNameMessageAndPosition(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            JsException e = assertThrows(JsException.class, () -> sandbox.eval("var a = 1;\nvar b = ;\n", "app.js"));
            assertEquals(ErrorKind.SYNTAX, e.kind());
            assertEquals("SyntaxError", e.name());
            assertEquals("unexpected character in expression", e.jsMessage());
            assertEquals(OptionalInt.of(2), e.line());
            assertEquals(OptionalInt.of(9), e.column());
            assertTrue(e.jsStack().contains("app.js:2:9"), e.jsStack());
            assertEquals("SyntaxError: unexpected character in expression (line 2, column 9)", e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runtimeErrorsPointAtTheFailingExpression(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            JsException e = assertThrows(JsException.class,
                    () -> sandbox.eval("function f(x) {\n  return x.y.z;\n}\nf({});", "lib.js"));
            assertEquals(ErrorKind.RUNTIME, e.kind());
            assertEquals("TypeError", e.name());
            assertEquals("cannot read property 'z' of undefined", e.jsMessage());
            assertEquals(OptionalInt.of(2), e.line());
            assertEquals(OptionalInt.of(13), e.column());
            assertEquals("    at f (lib.js:2:13)\n    at <eval> (lib.js:4:2)\n", e.jsStack());

            JsException thrown = assertThrows(JsException.class, () -> sandbox.eval("\n\nthrow new RangeError('bad')"));
            assertEquals("RangeError", thrown.name());
            assertEquals("bad", thrown.jsMessage());
            assertEquals(OptionalInt.of(3), thrown.line());

            JsException reference = assertThrows(JsException.class, () -> sandbox.eval("missing + 1"));
            assertEquals("ReferenceError", reference.name());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void positionsPreferTheEvaluatedSourceOverJsonInput(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            JsException e = assertThrows(JsException.class, () -> sandbox.eval("var ok = 1;\nJSON.parse('{x')"));
            assertEquals("SyntaxError", e.name());
            assertEquals(ErrorKind.RUNTIME, e.kind(), "a SyntaxError thrown at run time is a runtime error");
            assertEquals(OptionalInt.of(2), e.line());
            assertEquals(OptionalInt.of(11), e.column());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void thrownValuesThatAreNotErrors(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            JsException number = assertThrows(JsException.class, () -> sandbox.eval("throw 42"));
            assertNull(number.name());
            assertEquals("42", number.jsMessage());
            assertTrue(number.line().isEmpty());
            JsException object = assertThrows(JsException.class, () -> sandbox.eval("throw {toString: function () { return 'custom'; }}"));
            assertEquals("custom", object.jsMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void caughtErrorsDoNotEscapeAndStateSurvivesUncaughtOnes(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            assertEquals("caught TypeError", sandbox.eval(
                    "var kept = 5; try { null.f(); } catch (e) { 'caught ' + e.name }").display());
            assertThrows(JsException.class, () -> sandbox.eval("kept = 6; undefinedFunction();"));
            assertEquals(IntNode.valueOf(6), sandbox.eval("kept").value(), "effects before the throw remain");
        }
    }

    /** Syntax errors unwind the parser with longjmp: many in a row must leave the engine sound. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void manyLongjmpsFromDeepInTheParser(Engine engine) {
        try (Sandbox sandbox = TestSandboxes.open(engine)) {
            StringBuilder deep = new StringBuilder("var v = ");
            for (int i = 0; i < 40; i++) {
                deep.append(i % 2 == 0 ? "[" : "(");
            }
            deep.append("1 +");
            for (int round = 0; round < 30; round++) {
                int n = round;
                assertThrows(JsException.class, () -> sandbox.eval(deep.toString()));
                assertThrows(JsException.class, () -> sandbox.eval("function broken() { return " + n + " +; }"));
                assertEquals(IntNode.valueOf(n * n), sandbox.eval("(function sq(x) { return x * x; })(" + n + ")").value());
            }
            assertThrows(JsException.class, () -> sandbox.eval("(1, eval)('1 +')"), "indirect eval's parser errors too");
            assertEquals(IntNode.valueOf(3), sandbox.eval("(1, eval)('1 + 2')").value());
        }
    }
}
