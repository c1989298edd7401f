package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wasm/verify-source.py, the build's gate on engine source: it accepts the pinned crate's files
 * (with the one allowlisted difference) and refuses any other change, in an engine file or in an
 * upstream test script.
 */
class EngineSourceVerificationTest {
    private static final Path SCRIPT = Path.of("wasm/verify-source.py");
    private static final Path ALLOWLIST = Path.of("wasm/source-allowlist.tsv");
    private static final List<String> FILES = List.of("mquickjs.c", "mquickjs.h", "mquickjs_priv.h",
            "mquickjs_opcode.h", "mquickjs_build.c", "mquickjs_build.h", "cutils.c", "cutils.h", "dtoa.c",
            "dtoa.h", "libm.c", "libm.h", "list.h", "softfp_template.h", "softfp_template_icvt.h",
            "tests/test_builtin.js", "tests/test_loop.js", "tests/microbench.js");

    @TempDir Path copy;

    record Run(int status, String out, String err) {}

    @BeforeEach
    void copyTheCratesFiles() throws IOException {
        for (String name : FILES) {
            Path target = copy.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(UpstreamSources.ENGINE_DIR.resolve(name), target);
        }
    }

    @Test
    void theCratesFilesPassWithTheirOneAllowedDifference() throws Exception {
        Run r = verify(ALLOWLIST);
        assertEquals(0, r.status(), r.err());
        String commit = VersionInfo.current().upstreamCommit();
        assertTrue(r.out().startsWith("mquickjs source: upstream commit " + commit), r.out());
        assertTrue(r.out().contains(FILES.size() + " files verified, 1 allowed difference(s)"), r.out());
        assertTrue(r.out().contains("allowed difference at " + commit.substring(0, 7) + ": mquickjs.h "), r.out());
    }

    @Test
    void aChangedEngineFileStopsTheBuild() throws Exception {
        Files.writeString(copy.resolve("mquickjs.c"), "\n", StandardOpenOption.APPEND);
        Run r = verify(ALLOWLIST);
        assertEquals(1, r.status());
        assertTrue(r.err().contains("VERIFICATION FAILED"), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.contains("mquickjs.c: sha256") && l.endsWith("matches NO upstream version")), r.err());
    }

    @Test
    void anAllowlistedFileWithOtherBytesStopsTheBuild() throws Exception {
        Files.writeString(copy.resolve("mquickjs.h"), "/* more */\n", StandardOpenOption.APPEND);
        Run r = verify(ALLOWLIST);
        assertEquals(1, r.status());
        assertTrue(r.err().contains("mquickjs.h: sha256") && r.err().contains("the allowlist accepts only crate sha256"), r.err());
    }

    @Test
    void aChangedUpstreamTestScriptStopsTheBuild() throws Exception {
        Files.writeString(copy.resolve("tests/test_loop.js"), "assert = function () {};\n", StandardOpenOption.APPEND);
        Run r = verify(ALLOWLIST);
        assertEquals(1, r.status());
        assertTrue(r.err().contains("tests/test_loop.js: sha256"), r.err());
    }

    @Test
    void withoutTheAllowlistTheCratesHeaderIsRefused(@TempDir Path empty) throws Exception {
        Path none = Files.writeString(empty.resolve("allowlist.tsv"), "# nothing allowed\n");
        Run r = verify(none);
        assertEquals(1, r.status());
        assertTrue(r.err().contains("mquickjs.h: sha256"), r.err());
    }

    @Test
    void upstreamsOwnHeaderNeedsNoAllowance() throws Exception {
        // The allowlist says the crate adds one line, #include <stddef.h>; without it the bytes are upstream's.
        Path header = copy.resolve("mquickjs.h");
        String withoutStddef = Files.readAllLines(header, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.equals("#include <stddef.h>"))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(header, withoutStddef, StandardCharsets.UTF_8);
        Run r = verify(ALLOWLIST);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("0 allowed difference(s)"), r.out());
    }

    @Test
    void malformedAllowlistIsRefused(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("allowlist.tsv"), "mquickjs.h\tonly-two-fields\n");
        Run r = verify(bad);
        assertEquals(1, r.status());
        assertTrue(r.err().contains("expected 4 tab-separated fields"), r.err());
    }

    private Run verify(Path allowlist) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString(),
                UpstreamSources.HASH_LIST.toString(), allowlist.toString(), copy.toString()));
        command.addAll(FILES);
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), out, err);
    }

}
