package io.github.mqjssandbox.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mqjssandbox.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzz's own parts do what the properties rely on. */
class FuzzHarnessTest {
    @Test
    void programsAreDeterministicInTheirSeeds() {
        FuzzProgram p = new FuzzProgram(List.of(new FuzzProgram.Part(7, 3), new FuzzProgram.Part(-9, 4)),
                new FuzzProgram.Part(11, 2), List.of(5L, 6L));
        assertEquals(p.source(), new FuzzProgram(p.parts(), p.last(), p.mutations()).source());
        assertTrue(p.generatedSource().startsWith(JsGenerator.PRELUDE));
        assertNotEquals(p.generatedSource(), p.source(), "mutations change the text");
        assertNotEquals(JsGenerator.statement(7, 3, 0), JsGenerator.statement(8, 3, 0));
    }

    @Test
    void namesAPartDeclaresAreItsOwn() {
        // catch variables must be unique in the program: the part's index is in every name
        String first = JsGenerator.statement(42, 4, 0);
        String second = JsGenerator.statement(42, 4, 1);
        assertEquals(first.replaceAll("(\\w\\d+)_0", "$1_1"), second);
    }

    @Test
    void theMinimiserKeepsOnlyWhatTheFindingNeeds() {
        FuzzProgram p = new FuzzProgram(List.of(new FuzzProgram.Part(1, 4), new FuzzProgram.Part(2, 4)),
                new FuzzProgram.Part(3, 1), List.of());
        String source = p.source() + "print('needle');\n";
        Minimiser m = new Minimiser(s -> s.contains("'needle'"), 10_000, Duration.ofMinutes(1));
        assertEquals("'needle'", m.minimiseText(source));
    }

    @Test
    void limitsAndInternalErrorsAreClassified() {
        Outcome ok = new Outcome(Outcome.Kind.OK, "1", "1", null, null, null, "", null);
        Outcome memory = new Outcome(Outcome.Kind.MEMORY, null, null, null, null, null, "", "out of memory");
        Outcome otherOutput = new Outcome(Outcome.Kind.OK, "1", "1", null, null, null, "x\n", null);
        Outcome internal = Outcome.of(Outcome.Kind.INTERNAL, "SandboxInternalException: the engine failed\n\tat ...");
        assertEquals(Verdict.Type.MATCH, Verdict.of(ok, ok).type());
        assertEquals(Verdict.Type.INCOMPARABLE, Verdict.of(memory, ok).type());
        assertEquals(Verdict.Type.INCOMPARABLE, Verdict.of(ok, memory).type());
        Verdict mismatch = Verdict.of(ok, otherOutput);
        assertEquals(Verdict.Type.MISMATCH, mismatch.type());
        assertEquals("mismatch-output", mismatch.signature());
        Verdict broken = Verdict.of(ok, internal);
        assertTrue(broken.isFinding());
        assertEquals("internal-SandboxInternalException_the_engine_failed", broken.signature());
        assertTrue(Outcome.isMemoryMessage("SyntaxError", "stack overflow (pc=12)"));
        assertFalse(Outcome.isMemoryMessage("Error", "out of memory"), "a script's own error is not the engine's");
    }

    @Test
    void theNativeReportIsReadAsWtf8() throws Exception {
        byte[] report = ("{\"status\":0,\"value\":\"\\\"\\\\ud800\\\"\",\"display\":\"\u00ed\u00a0\u0080\","
                + "\"errorName\":null,\"errorMessage\":null,\"errorStack\":null,\"output\":\"\"}").getBytes(StandardCharsets.ISO_8859_1);
        Outcome o = NativeReference.parse(report);
        assertEquals("\ud800", o.display());
        assertEquals("\"\ud800\"", o.value(), "the value's JSON text, as Jackson prints the parsed tree");
        assertEquals("a\ud800\ud83d\ude00", Wtf8.decode(Wtf8.encode("a\ud800\ud83d\ude00")));
    }

    /**
     * A program that fills the heap, catches the out-of-memory error and prints how far it got:
     * the 64-bit reference gets about half as far, so the raw outcomes differ, but the sandbox's
     * own outcome changes with the heap size, so the difference is incomparable, not a finding.
     */
    @Test
    void aDifferenceThatComesFromTheHeapSizeIsIncomparable() {
        DifferentialRun run = new DifferentialRun(
                new SandboxRunner(Engine.AOT, false, 256 << 10, Duration.ofSeconds(20), 1 << 20),
                new NativeReference(NativeReference.defaultBinary(), Path.of("target/fuzz-work/harness"), 256 << 10,
                        Duration.ofSeconds(30)));
        String source = "var a = []; try { for (;;) a.push(a.length); } catch (e) { } print(a.length > 1000, a.length);";
        Verdict v = run.run(source);
        assertEquals(Verdict.Type.INCOMPARABLE, v.type(), v.describe());
        assertEquals(List.of("heap-size dependent"), v.differences());
        assertTrue(v.sandbox().output().startsWith("true "), v.sandbox().output());
        assertEquals(Verdict.Type.MATCH, run.run("print([1, 2].map(function (x) { return x * 2; }))").type());
    }
}
