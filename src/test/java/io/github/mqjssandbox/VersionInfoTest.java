package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reported versions are the ones actually built and loaded, not just strings in a file. */
class VersionInfoTest {

    @Test
    void upstreamCommitIsOneWhoseEngineFilesWereCompiled() throws Exception {
        VersionInfo v = VersionInfo.current();
        for (String file : new String[] {"mquickjs.c", "mquickjs_priv.h", "mquickjs_opcode.h", "cutils.c", "dtoa.c", "libm.c"}) {
            Set<String> commits = UpstreamSources.commitsWithSameBytes(file, UpstreamSources.ENGINE_DIR.resolve(file));
            assertTrue(commits.contains(v.upstreamCommit()), file + " is not upstream's at " + v.upstreamCommit());
        }
        assertEquals(40, v.upstreamCommit().length());
        assertTrue(v.upstreamDate().matches("\\d{4}-\\d{2}-\\d{2}"), v.upstreamDate());
        assertTrue(Files.readString(UpstreamSources.HASH_LIST)
                .contains(v.upstreamCommit() + " " + v.upstreamDate() + " mquickjs.c "), "the date is the commit's");
    }

    @Test
    void chicoryVersionIsTheLoadedOne() throws Exception {
        Path runtimeJar = Path.of(Instance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals("runtime-" + VersionInfo.current().chicoryVersion() + ".jar", runtimeJar.getFileName().toString());
    }

    @Test
    void describeNamesAllThree() {
        VersionInfo v = VersionInfo.current();
        assertEquals("mquickjs-sandbox " + v.version() + ", engine mquickjs " + v.upstreamCommit().substring(0, 7)
                + " (" + v.upstreamDate() + "), Chicory " + v.chicoryVersion(), v.describe());
        assertTrue(!v.version().isEmpty() && !v.version().contains("${"), v.version());
    }
}
