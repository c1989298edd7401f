package io.github.mqjssandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The verified upstream files that {@code make -C wasm} copies out of the pinned crate, and the
 * upstream hash list ({@code ../shared/upstream}) they were verified against.
 */
final class UpstreamSources {
    static final Path ENGINE_DIR = Path.of("wasm/build/engine");
    static final Path TESTS_DIR = ENGINE_DIR.resolve("tests");
    static final Path HASH_LIST = Path.of("../shared/upstream/mquickjs-file-hashes.tsv");

    private UpstreamSources() {}

    /** The upstream commits at which {@code name} (e.g. "tests/test_loop.js") had exactly these bytes. */
    static Set<String> commitsWithSameBytes(String name, Path file) throws IOException {
        String digest = sha256(Files.readAllBytes(file));
        try (Stream<String> lines = Files.lines(HASH_LIST)) {
            return lines.filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\\s+"))
                    .filter(f -> f[2].equals(name) && f[3].equals(digest))
                    .map(f -> f[0])
                    .collect(Collectors.toSet());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
