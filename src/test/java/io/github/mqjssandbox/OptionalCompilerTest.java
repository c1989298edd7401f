package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Chicory's run-time compiler (and its ASM jars) is optional: without it on the class path the
 * AOT and interpreter engines work, and asking for Engine.COMPILER says what is missing.
 */
class OptionalCompilerTest {
    /** Run in a JVM whose class path lacks the compiler and ASM jars. */
    public static void main(String[] args) {
        try (Sandbox aot = Sandbox.create(SandboxConfig.builder().engine(Engine.AOT).build());
                Sandbox interpreter = Sandbox.create(SandboxConfig.builder().engine(Engine.INTERPRETER).build())) {
            System.out.println("aot " + aot.eval("6 * 7").display() + ", interpreter " + interpreter.eval("1 + 2").display());
        }
        try (Sandbox compiler = Sandbox.create(SandboxConfig.builder().engine(Engine.COMPILER).build())) {
            System.out.println("compiler created: " + compiler.eval("1").display());
        } catch (SandboxException e) {
            System.out.println("compiler refused: " + e.getMessage());
        }
    }

    @Test
    void theLibraryRunsWithoutTheCompilerJars() throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("/com/dylibso/chicory/compiler/") && !entry.contains("/org/ow2/asm/"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(classpath.contains("chicory/runtime"), classpath);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, OptionalCompilerTest.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("aot 42, interpreter 3"), output);
        assertTrue(output.contains("compiler refused: ") && output.contains("com.dylibso.chicory:compiler"), output);
    }
}
