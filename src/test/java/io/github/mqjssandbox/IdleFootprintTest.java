package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs {@link IdleFootprintDemo} as the issue asks: 10,000 sandboxes in a JVM of -Xmx2g. */
class IdleFootprintTest {
    private static final double MAX_KIB_PER_IDLE_SANDBOX = 64;

    @Test
    void tenThousandIdleSandboxesFitInTwoGigabytes() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), IdleFootprintDemo.class.getName(), "10000")
                .redirectErrorStream(true)
                .start();
        String output;
        try {
            assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the demo did not end within 5 minutes");
        } finally {
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            child.destroyForcibly();
        }
        System.out.print(output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("every sandbox answered from its own state"), output);
        Matcher kib = Pattern.compile("per-sandbox-kib ([0-9.]+)").matcher(output);
        assertTrue(kib.find(), output);
        double perSandbox = Double.parseDouble(kib.group(1));
        assertTrue(perSandbox <= MAX_KIB_PER_IDLE_SANDBOX, perSandbox + " KiB per idle sandbox");
    }
}
