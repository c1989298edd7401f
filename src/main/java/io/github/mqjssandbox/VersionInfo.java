package io.github.mqjssandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this build of the library runs: its own version, the upstream MicroQuickJS commit that
 * the engine source was verified against at build time, and the Chicory version.
 *
 * <pre>{@code
 * VersionInfo v = VersionInfo.current();
 * v.upstreamCommit();   // "ee50431eac9b14b99f722b537ec4cac0c8dd75ab"
 * v.describe();         // "mquickjs-sandbox 0.1.0, engine mquickjs ee50431 (2026-01-15), Chicory 1.7.5"
 * }</pre>
 *
 * @param version the library's version
 * @param upstreamCommit the full upstream commit id the compiled engine files match
 * @param upstreamDate that commit's date, {@code yyyy-mm-dd}
 * @param chicoryVersion the Chicory version the library was built with
 * @param moduleSha256 the sha256 of the engine's wasm module as compiled (before our rewriting):
 *     the memory layout that {@linkplain Sandbox#snapshot() snapshots} depend on
 */
public record VersionInfo(String version, String upstreamCommit, String upstreamDate, String chicoryVersion,
        String moduleSha256) {
    private static final VersionInfo CURRENT = load();

    /** The version information of the library on the class path. */
    public static VersionInfo current() {
        return CURRENT;
    }

    /** One line for people: library version, short upstream commit with its date, Chicory version. */
    public String describe() {
        String shortCommit = upstreamCommit.length() > 7 ? upstreamCommit.substring(0, 7) : upstreamCommit;
        return "mquickjs-sandbox " + version + ", engine mquickjs " + shortCommit + " (" + upstreamDate
                + "), Chicory " + chicoryVersion;
    }

    private static VersionInfo load() {
        Properties build = read("/mquickjs-sandbox-version.properties");
        Properties engine = read("/mquickjs-engine.properties");
        return new VersionInfo(build.getProperty("version", "unknown"),
                engine.getProperty("upstream.commit", "unknown"),
                engine.getProperty("upstream.date", "unknown"),
                build.getProperty("chicory.version", "unknown"),
                engine.getProperty("module.sha256", "unknown"));
    }

    private static Properties read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return properties;
    }
}
