package io.github.mqjssandbox.wasmtools.split;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build gate: every method in every .class file under a directory must have a Code attribute
 * of at most {@code maxBytes} bytes (HotSpot's HugeMethodLimit is 8000: larger methods are
 * never JIT-compiled). Covers the per-function methods and the helpers Chicory generates
 * (call_indirect dispatchers, call_N wrappers, the machine-call switch).
 */
public final class Gate {
    private Gate() {
    }

    /** All methods found under {@code dir}, largest first. */
    public static List<ClassFileMethods.Method> scan(Path dir) {
        List<ClassFileMethods.Method> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")).sorted()::iterator) {
                all.addAll(ClassFileMethods.read(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        all.sort(Comparator.comparingInt(ClassFileMethods.Method::codeLength).reversed());
        return all;
    }

    /** Returns the methods over the limit, largest first. */
    public static List<ClassFileMethods.Method> violations(Path dir, int maxBytes) {
        return scan(dir).stream().filter(m -> m.codeLength() > maxBytes).toList();
    }

    static int run(Path dir, int maxBytes, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(dir)) {
            err.println("error: not a directory: " + dir);
            return 1;
        }
        List<ClassFileMethods.Method> all = scan(dir);
        if (all.isEmpty()) {
            err.println("error: no class files under " + dir);
            return 1;
        }
        List<ClassFileMethods.Method> bad = all.stream().filter(m -> m.codeLength() > maxBytes).toList();
        out.printf("gate: %d methods checked, largest %s%n", all.size(), all.get(0));
        if (bad.isEmpty()) {
            out.printf("gate: OK, every method is at most %d bytes of bytecode%n", maxBytes);
            return 0;
        }
        for (ClassFileMethods.Method m : bad) {
            err.printf("gate: FAIL %s.%s%s has %d bytes of bytecode (limit %d)%n",
                    m.className(), m.name(), m.descriptor(), m.codeLength(), maxBytes);
        }
        return 1;
    }
}
