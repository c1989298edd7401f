package io.github.mqjssandbox.internal.wasm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code -XX:+PrintCompilation} says about one set of classes: methods compiled, and refused. */
final class CompileLog {
    // "   943 1167 %  3   pkg.Class::func_165 @ 611 (2382 bytes)   COMPILE SKIPPED: reason"
    private static final Pattern LINE = Pattern.compile(
            "^\\s*\\d+\\s+\\d+\\s+[%sbn! ]*\\s(\\d)\\s+(\\S+)::(\\S+)(?: @ \\d+)? \\(\\d+ bytes\\)(.*)$");

    final Set<String> compiled = new TreeSet<>();
    final List<String> skipped = new ArrayList<>();

    /** Reads the lines about methods of classes whose name starts with {@code classPrefix}. */
    static CompileLog parse(List<String> lines, String classPrefix) {
        CompileLog log = new CompileLog();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (!m.matches() || !m.group(2).startsWith(classPrefix)) continue;
            String method = m.group(2) + "::" + m.group(3);
            String rest = m.group(4);
            if (rest.contains("COMPILE SKIPPED") || rest.contains("not compilable")) {
                log.skipped.add(method + " at tier " + m.group(1) + ":" + rest);
            } else if (!rest.contains("made not entrant") && !rest.contains("made zombie")) {
                log.compiled.add(method);
            }
        }
        return log;
    }

    long compiledIn(String className) {
        return compiled.stream().filter(m -> m.startsWith(className + "::")).count();
    }
}
