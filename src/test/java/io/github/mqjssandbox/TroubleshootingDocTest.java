package io.github.mqjssandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/troubleshooting.md complete: every {@link ErrorKind} and every
 * {@link SnapshotException.Problem} must be named in one of its headings or table rows, so a
 * new constant cannot ship without saying what it means and what to do about it.
 */
class TroubleshootingDocTest {
    static final Path DOC = Path.of("docs/troubleshooting.md");

    @Test
    void everyErrorKindIsDocumented() throws IOException {
        assertAllDocumented(Stream.of(ErrorKind.values()).map(Enum::name).collect(Collectors.toList()));
    }

    @Test
    void everySnapshotProblemIsDocumented() throws IOException {
        assertAllDocumented(Stream.of(SnapshotException.Problem.values()).map(Enum::name).collect(Collectors.toList()));
    }

    @Test
    void aNameOnlyInProseDoesNotCount() {
        List<String> lines = List.of("# Troubleshooting", "Mentions TIMEOUT only in a sentence.", "| `FUEL` | a row |");
        assertEquals(List.of("TIMEOUT"), undocumented(lines, List.of("TIMEOUT", "FUEL")));
    }

    private static void assertAllDocumented(List<String> names) throws IOException {
        List<String> missing = undocumented(Files.readAllLines(DOC), names);
        assertTrue(missing.isEmpty(), DOC + " has no heading or table row naming " + missing);
    }

    /** The names that no heading ("#…") or table row ("|…") of {@code lines} names as a whole word. */
    static List<String> undocumented(List<String> lines, List<String> names) {
        List<String> headingsAndRows = lines.stream()
                .map(String::strip)
                .filter(line -> line.startsWith("#") || line.startsWith("|"))
                .collect(Collectors.toList());
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
            if (headingsAndRows.stream().noneMatch(line -> word.matcher(line).find())) {
                missing.add(name);
            }
        }
        return missing;
    }
}
