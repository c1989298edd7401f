package io.github.mqjssandbox.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Upstream mquickjs's own benchmark, tests/microbench.js, as the build verified and copied it
 * (wasm/build/engine/tests/). It is never stored in this repository, only read from there.
 */
final class MicrobenchScript {
    static final Path DEFAULT_PATH = Path.of("wasm/build/engine/tests/microbench.js");

    /**
     * Arguments of the quick mode, for testing this code: upstream's main() takes test-name
     * prefixes, and "-n" sets sort_bench's array size (10000 by default). argv[0] is the script.
     */
    static final List<String> QUICK_ARGS = List.of("microbench.js", "empty_loop", "prop_read", "sort_bench", "-n", "1000");

    final Path path;
    final String upstream;
    final String sha256;

    private MicrobenchScript(Path path, byte[] bytes) {
        this.path = path;
        this.upstream = new String(bytes, StandardCharsets.UTF_8);
        this.sha256 = sha256(bytes);
    }

    static MicrobenchScript load(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "missing; it comes only from the verified"
                    + " rmquickjs-sys crate at build time: run `make -C wasm` (or `mvn -f pom.xml install -DskipTests`)");
        }
        return new MicrobenchScript(path, Files.readAllBytes(path));
    }

    /**
     * The prelude: microbench.js ends with {@code if (!scriptArgs) scriptArgs = []; main(...)},
     * written for mqjs, which defines scriptArgs; our globals have none, so we declare it
     * (undefined: every test) or set it to the quick mode's arguments. One line, so upstream's
     * line numbers shift by exactly one.
     */
    static String prelude(boolean quick) {
        if (!quick) return "var scriptArgs;\n";
        StringBuilder sb = new StringBuilder("var scriptArgs = [");
        for (int i = 0; i < QUICK_ARGS.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(QUICK_ARGS.get(i)).append('"');
        }
        return sb.append("];\n").toString();
    }

    String source(boolean quick) {
        return prelude(quick) + upstream;
    }

    private static String sha256(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
