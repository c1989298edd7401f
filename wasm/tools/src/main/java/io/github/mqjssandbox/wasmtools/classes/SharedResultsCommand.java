package io.github.mqjssandbox.wasmtools.classes;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code share-results --classes DIR --buffer pkg.Class.method --capacity N}: runs {@link SharedResults} in place. */
public final class SharedResultsCommand {
    private SharedResultsCommand() {
    }

    public static int run(Map<String, String> options, PrintStream out, PrintStream err) {
        String classes = options.get("--classes");
        String buffer = options.get("--buffer");
        String capacityOption = options.get("--capacity");
        if (classes == null || buffer == null || capacityOption == null) {
            throw new IllegalArgumentException("share-results needs --classes <dir>, --buffer <pkg.Class.method> and --capacity <n>");
        }
        int capacity = Integer.parseInt(capacityOption);
        Path dir = Path.of(classes);
        if (!Files.isDirectory(dir)) {
            err.println("error: not a directory: " + dir);
            return 1;
        }
        List<SharedResults.Report> reports;
        try {
            reports = SharedResults.rewrite(dir, SharedResults.Buffer.parse(buffer, capacity));
        } catch (IllegalStateException e) {
            err.println("share-results: " + e.getMessage());
            return 1;
        }
        if (reports.isEmpty()) {
            err.println("error: no Chicory machine (…MachineCall.class) under " + dir);
            return 1;
        }
        for (SharedResults.Report r : reports) {
            out.println("share-results: " + (r.functions() == 0 && r.skipped() > 0
                    ? r.machine() + ": already rewritten, or no function to rewrite (" + r.skipped() + " multi-value functions left as they are)"
                    : r.toString()));
        }
        return 0;
    }
}
