package io.github.mqjssandbox.nativecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mqjssandbox.nativecode.BytecodeScan.Allowance;
import io.github.mqjssandbox.nativecode.BytecodeScan.Finding;
import io.github.mqjssandbox.nativecode.BytecodeScan.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.junit.jupiter.api.Test;

/**
 * Zero native code, checked on the bytes: every class the library runs with (its own classes,
 * the AOT-compiled engine among them, and every runtime-scope jar as Maven resolves them)
 * has no native method, no {@code System/Runtime.load/loadLibrary}, no {@code Unsafe}, no
 * foreign function API. See docs/security-native.md.
 */
class RuntimeClasspathScanTest {

    /**
     * Findings that are there and are explained, each by class, the members that hold them,
     * exactly what they reference, and why the sandbox never reaches it. An allowance that
     * lists a member or a reference no finding uses fails the test, so the list stays minimal.
     */
    static final List<Allowance> ALLOWED = List.of(
            chicoryFenceFallback("com/dylibso/chicory/runtime/OpcodeImpl",
                    "<clinit>()V", "lambda$static$0(Ljava/lang/reflect/Method;Ljava/lang/Object;)V"),
            chicoryFenceFallback("com/dylibso/chicory/runtime/ByteBufferMemory",
                    "getAtomicFenceImpl()Ljava/lang/Runnable;",
                    "lambda$getAtomicFenceImpl$4(Ljava/lang/reflect/Method;Ljava/lang/Object;)V"),
            new Allowance(Kind.FOREIGN_API, "com/fasterxml/jackson/core/internal/shaded/fdp/v2_18_2/FastDoubleSwar",
                    "!/META-INF/versions/22/",
                    Set.of("<class>", "<clinit>()V", "CHAR_ALIGNED_LONG:Ljava/lang/foreign/ValueLayout$OfLong;",
                            "isEightDigits([CI)Z", "isEightZeroes([CI)Z", "tryToParseEightDigits([CI)I",
                            "tryToParseFourDigits([CI)I"),
                    Set.of("type java/lang/foreign/ValueLayout", "type java/lang/foreign/ValueLayout$OfLong",
                            "type java/lang/foreign/MemorySegment",
                            "field java/lang/foreign/ValueLayout$OfLong.JAVA_LONG:Ljava/lang/foreign/ValueLayout$OfLong;",
                            "call java/lang/foreign/ValueLayout$OfLong.withByteAlignment(J)Ljava/lang/foreign/ValueLayout$OfLong;",
                            "call java/lang/foreign/MemorySegment.ofArray([C)Ljava/lang/foreign/MemorySegment;",
                            "call java/lang/foreign/MemorySegment.get(Ljava/lang/foreign/ValueLayout$OfLong;J)J"),
                    "Jackson's double parser (shaded FastDoubleParser), the copy for JDK 22 and later only: a"
                            + " multi-release jar entry, never loaded on JDK 17 to 21, which load the base or"
                            + " versions/17 and /21 copies without any foreign API. On JDK 22+ it reads a char[] eight"
                            + " characters at a time through a heap segment (MemorySegment.ofArray): Java heap memory,"
                            + " bounds-checked, and none of the restricted methods (no Linker, SymbolLookup, Arena,"
                            + " reinterpret). The details above are every foreign member it uses."));

    /**
     * Chicory looks up {@code sun.misc.Unsafe.fullFence} by reflection, as a fallback for Java 8
     * where {@code VarHandle.fullFence()} does not exist. {@link #chicorysUnsafeLookupIsAJava8FallbackThatNeverRuns}
     * checks on the bytecode that the lookup is reached only by that NoSuchMethodError.
     */
    private static Allowance chicoryFenceFallback(String className, String method, String lambda) {
        return new Allowance(Kind.UNSAFE, className, "runtime-", Set.of(method, lambda),
                Set.of("string \"sun.misc.Unsafe\"",
                        "string \"ATOMIC_FENCE implementation: Failed to lookup sun.misc.Unsafe\"",
                        "string \"ATOMIC_FENCE implementation: Failed to invoke sun.misc.Unsafe\""),
                "Java 8 fallback of the wasm atomic.fence instruction: Class.forName(\"sun.misc.Unsafe\") runs"
                        + " only in the handler of the NoSuchMethodError that VarHandle.fullFence() would throw on"
                        + " Java 8; the method exists since Java 9 and the library's classes need Java 17. The"
                        + " lambda is the Runnable that fallback would return.");
    }

    /**
     * The only code on the runtime class path that defines classes from bytes: Chicory's
     * run-time compiler (the COMPILER engine), in a class loader of its own. The AOT and
     * interpreter engines never reach it (NoClassLoaderTest, PolicyRunTest).
     */
    static final Set<String> CLASS_DEFINERS = Set.of(
            "DEFINES_CLASS com/dylibso/chicory/compiler/internal/WasmClassLoader loadFromBytes([B)Ljava/lang/Class;"
                    + " call com/dylibso/chicory/compiler/internal/WasmClassLoader.defineClass(Ljava/lang/String;[BII)Ljava/lang/Class;");

    /** Runtime jars that must be on the list, so that a broken class path file cannot make the scan vacuous. */
    private static final List<String> EXPECTED_JARS = List.of(
            "runtime-", "wasm-", "compiler-", "asm-", "jackson-core-", "jackson-databind-");

    private static BytecodeScan scan;
    private static List<Path> jars;
    private static int libraryClasses;

    @BeforeAll
    static void scanTheRuntimeClassPath() throws IOException {
        Path classes = Path.of(required("mqjs.classes"));
        Path classpathFile = Path.of(required("mqjs.runtimeClasspathFile"));
        String classpath = Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
        jars = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            jars.add(Path.of(entry));
        }
        scan = new BytecodeScan();
        libraryClasses = scan.scanDirectory(classes);
        StringBuilder report = new StringBuilder();
        report.append(String.format("native-code scan: %d classes in %s%n", libraryClasses, classes));
        for (Path jar : jars) {
            assertTrue(Files.isRegularFile(jar), "runtime class path entry is not a jar: " + jar);
            int count = scan.scanJar(jar);
            report.append(String.format("native-code scan: %d classes in %s%n", count, jar.getFileName()));
        }
        report.append(String.format("native-code scan: %d classes, %d jars, %d findings%n",
                scan.classCount(), scan.jarCount(), scan.findings().size()));
        System.out.print(report);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set (surefire sets it, see pom.xml)");
        }
        return value;
    }

    @Test
    void theScanCoversTheLibraryItsAotEngineAndEveryRuntimeJar() {
        Set<String> names = jars.stream().map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        for (String prefix : EXPECTED_JARS) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix)), "no " + prefix + "*.jar in " + names);
        }
        assertTrue(names.stream().noneMatch(n -> n.startsWith("junit-") || n.startsWith("opentest4j")),
                "test-scope jars on the runtime class path: " + names);
        Path aot = Path.of(required("mqjs.classes"), "io/github/mqjssandbox/internal/wasm");
        for (String generated : List.of("MquickjsAot", "MquickjsAotMachine", "MquickjsAotMachineFuncGroup_0",
                "MquickjsMeteredAot", "MquickjsMeteredAotMachine", "MquickjsMeteredAotMachineFuncGroup_0")) {
            assertTrue(Files.isRegularFile(aot.resolve(generated + ".class")), "AOT class not built: " + generated);
        }
        assertTrue(libraryClasses > 50, "library classes scanned: " + libraryClasses);
        assertTrue(scan.classCount() > 1500, "classes scanned: " + scan.classCount());
        assertEquals(jars.size(), scan.jarCount());
    }

    @Test
    void noNativeMethodLibraryLoadUnsafeOrForeignFunctionApi() {
        List<Finding> forbidden = scan.findings().stream().filter(f -> f.kind() != Kind.DEFINES_CLASS).toList();
        assertEquals(List.of(), BytecodeScan.unexplained(forbidden, ALLOWED));
        assertEquals(List.of(), BytecodeScan.unused(forbidden, ALLOWED), "allowances nothing needs");
    }

    /**
     * The allowed Unsafe lookups of Chicory, read from the jar: each sits in the handler of a
     * NoSuchMethodError around {@code VarHandle.fullFence()}, nothing falls or jumps into that
     * handler, and its lambda is made nowhere else. {@code VarHandle.fullFence()} exists on any
     * JVM that can load the library (Java 17 class files), so the handler never runs.
     */
    @Test
    void chicorysUnsafeLookupIsAJava8FallbackThatNeverRuns() throws IOException {
        Path runtime = jars.stream().filter(p -> p.getFileName().toString().startsWith("runtime-")).findFirst().orElseThrow();
        List<Allowance> fallbacks = ALLOWED.stream().filter(a -> a.kind() == Kind.UNSAFE).toList();
        assertEquals(2, fallbacks.size());
        try (JarFile jar = new JarFile(runtime.toFile())) {
            for (Allowance fallback : fallbacks) {
                ClassNode node = new ClassNode();
                try (InputStream in = jar.getInputStream(jar.getJarEntry(fallback.className() + ".class"))) {
                    new ClassReader(in.readAllBytes()).accept(node, 0);
                }
                String method = fallback.members().stream().filter(m -> !m.startsWith("lambda$")).findFirst().orElseThrow();
                String lambda = fallback.members().stream().filter(m -> m.startsWith("lambda$")).findFirst().orElseThrow();
                FenceFallback.check(node, method, lambda);
            }
        }
        try (InputStream in = RuntimeClasspathScanTest.class.getResourceAsStream("/io/github/mqjssandbox/Sandbox.class")) {
            assertTrue(new ClassReader(in.readAllBytes()).readUnsignedShort(6) >= 61, "the library's classes need Java 17");
        }
    }

    @Test
    void onlyChicorysRunTimeCompilerDefinesClasses() {
        List<String> definers = scan.findings(Kind.DEFINES_CLASS).stream().map(Finding::key).sorted().toList();
        assertEquals(List.copyOf(new TreeSet<>(CLASS_DEFINERS)), definers);
    }
}
