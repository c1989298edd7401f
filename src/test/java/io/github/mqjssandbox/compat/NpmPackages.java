package io.github.mqjssandbox.compat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The packages pinned by src/test/realworld/package-lock.json (versions and integrity hashes),
 * installed by {@code npm ci} into target/realworld: node_modules is never committed.
 */
final class NpmPackages {
    private static final Path PINNED = Path.of("src/test/realworld");
    private static final Path INSTALLED = Path.of("target/realworld");

    private NpmPackages() {}

    /**
     * The node_modules directory holding exactly the locked packages: installed now when it is
     * missing or was installed from another lock file. Skips the calling test when npm is not
     * installed; fails it when npm cannot install them.
     */
    static synchronized Path nodeModules() {
        Path modules = INSTALLED.resolve("node_modules");
        Path lock = PINNED.resolve("package-lock.json");
        Path installedLock = INSTALLED.resolve("package-lock.json");
        if (Files.isDirectory(modules) && Files.exists(installedLock) && sameBytes(lock, installedLock)) {
            return modules;
        }
        assumeTrue(NodeOracle.commandRuns("npm", "--version"),
                "npm is not installed: the real-world packages cannot be fetched, so their suite is skipped");
        try {
            Files.createDirectories(INSTALLED);
            Files.copy(PINNED.resolve("package.json"), INSTALLED.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(lock, installedLock, StandardCopyOption.REPLACE_EXISTING);
            Path log = INSTALLED.resolve("npm-ci.log");
            // --ignore-scripts: only the published files are wanted, no install step runs
            Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(INSTALLED.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!npm.waitFor(10, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci did not finish in 10 minutes, see " + log);
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed (" + npm.exitValue() + "): " + Files.readString(log));
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
