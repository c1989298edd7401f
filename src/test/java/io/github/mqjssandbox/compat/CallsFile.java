package io.github.mqjssandbox.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file of calls compared with Node (src/test/compat/*.js, src/test/realworld/calls/*.js).
 * Each line after the headers is one call, a script on one line whose value is compared; blank
 * lines and other comments are skipped. Headers and annotations:
 *
 * <ul>
 *   <li>{@code // file: PATH}: a package file, read unmodified from node_modules, loaded first;
 *   <li>{@code // shim: CODE}: a script run before it (only for a package with no global path);
 *   <li>{@code // load-error: Name: message}: the sandbox cannot load it, and says this;
 *   <li>{@code // setup} … {@code // calls}: a script, on several lines, run before the calls;
 *   <li>{@code // differs: Name}: the next call throws this error in the sandbox, not what Node
 *       gives (a documented limit of the engine);
 *   <li>{@code // every engine}: the next call also runs in the compiler and interpreter engines.
 * </ul>
 */
record CallsFile(String name, String file, String shim, String loadError, String setup, List<Call> calls) {

    record Call(String source, String differs, boolean everyEngine) {}

    private static final String FILE = "// file:";
    private static final String SHIM = "// shim:";
    private static final String LOAD_ERROR = "// load-error:";
    private static final String DIFFERS = "// differs:";
    private static final String EVERY_ENGINE = "// every engine";
    private static final String SETUP = "// setup";
    private static final String CALLS = "// calls";

    /** Every *.js file of the directory, by name. */
    static List<CallsFile> readAll(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".js")).sorted().map(CallsFile::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CallsFile read(Path path) {
        String name = path.getFileName().toString().replaceFirst("\\.js$", "");
        try {
            return parse(name, Files.readAllLines(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CallsFile parse(String name, List<String> lines) {
        String file = null, shim = null, loadError = null, differs = null;
        boolean everyEngine = false;
        StringBuilder setup = null;
        boolean inSetup = false;
        List<Call> calls = new ArrayList<>();
        for (String line : lines) {
            if (inSetup) {
                if (line.equals(CALLS)) {
                    inSetup = false;
                } else {
                    setup.append(line).append('\n');
                }
            } else if (line.startsWith(FILE)) {
                file = line.substring(FILE.length()).trim();
            } else if (line.startsWith(SHIM)) {
                shim = line.substring(SHIM.length()).trim();
            } else if (line.startsWith(LOAD_ERROR)) {
                loadError = line.substring(LOAD_ERROR.length()).trim();
            } else if (line.startsWith(DIFFERS)) {
                differs = line.substring(DIFFERS.length()).trim();
            } else if (line.equals(EVERY_ENGINE)) {
                everyEngine = true;
            } else if (line.equals(SETUP)) {
                inSetup = true;
                setup = new StringBuilder();
            } else if (!line.isBlank() && !line.startsWith("//")) {
                calls.add(new Call(line, differs, everyEngine));
                differs = null;
                everyEngine = false;
            }
        }
        if (inSetup) {
            throw new IllegalArgumentException(name + ": '" + SETUP + "' without '" + CALLS + "'");
        }
        return new CallsFile(name, file, shim, loadError, setup == null ? null : setup.toString(), calls);
    }

    /** The job both sides run: the shim, the package file, the setup, then the calls. */
    ScriptJob job(Path nodeModules) {
        List<ScriptJob.Script> scripts = new ArrayList<>();
        if (shim != null) {
            scripts.add(ScriptJob.Script.ofSource(name + "-shim.js", shim));
        }
        if (file != null) {
            scripts.add(ScriptJob.Script.ofFile(nodeModules.resolve(file)));
        }
        if (setup != null) {
            scripts.add(ScriptJob.Script.ofSource(name + "-setup.js", setup));
        }
        return new ScriptJob(name, scripts, calls.stream().map(Call::source).toList());
    }
}
