package io.github.mqjssandbox.nativecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mqjssandbox.nativecode.BytecodeScan.Allowance;
import io.github.mqjssandbox.nativecode.BytecodeScan.Finding;
import io.github.mqjssandbox.nativecode.BytecodeScan.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** The scanner flags what it must: class files made here with ASM, each with one forbidden thing. */
class BytecodeScanTest {

    /** A class {@code test/Probe} with a constructor-less body given by {@code body}. */
    private static byte[] probe(Consumer<ClassWriter> body) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "test/Probe", null, "java/lang/Object", null);
        body.accept(writer);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A static method {@code run()V} whose code is {@code code} followed by a return. */
    private static byte[] probeMethod(Consumer<MethodVisitor> code) {
        return probe(writer -> {
            MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()V", null, null);
            method.visitCode();
            code.accept(method);
            method.visitInsn(Opcodes.RETURN);
            method.visitMaxs(0, 0);
            method.visitEnd();
        });
    }

    private static List<Finding> scan(byte[] classFile) {
        BytecodeScan scan = new BytecodeScan();
        scan.scanClass(classFile, "generated");
        assertEquals(1, scan.classCount());
        return scan.findings();
    }

    private static void assertFlags(List<Finding> findings, Kind kind, String member, String detail) {
        assertTrue(findings.contains(new Finding(kind, "test/Probe", member, detail, "generated")),
                "expected " + kind + " " + member + " " + detail + " in " + findings);
    }

    @Test
    void aCleanClassHasNoFinding() {
        assertEquals(List.of(), scan(probeMethod(m -> {
            m.visitLdcInsn("hello");
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "lineSeparator", "()Ljava/lang/String;", false);
            m.visitInsn(Opcodes.POP);
            m.visitInsn(Opcodes.POP);
        })));
    }

    @Test
    void aNativeMethodIsFlagged() {
        byte[] classFile = probe(writer -> writer.visitMethod(
                Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_NATIVE, "peek", "(J)I", null, null).visitEnd());
        List<Finding> findings = scan(classFile);
        assertEquals(List.of(new Finding(Kind.NATIVE_METHOD, "test/Probe", "peek(J)I", "native method", "generated")), findings);
        // and the scan test's check would reject it: no allowance explains it
        assertEquals(1, BytecodeScan.unexplained(findings, RuntimeClasspathScanTest.ALLOWED).size());
    }

    @Test
    void loadingALibraryIsFlaggedAsCallAndAsMethodHandle() {
        List<Finding> calls = scan(probeMethod(m -> {
            m.visitLdcInsn("evil");
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "loadLibrary", "(Ljava/lang/String;)V", false);
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;", false);
            m.visitLdcInsn("/tmp/evil.so");
            m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Runtime", "load", "(Ljava/lang/String;)V", false);
            m.visitLdcInsn(new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "load", "(Ljava/lang/String;)V", false));
            m.visitInsn(Opcodes.POP);
        }));
        assertFlags(calls, Kind.LOADS_LIBRARY, "run()V", "call java/lang/System.loadLibrary(Ljava/lang/String;)V");
        assertFlags(calls, Kind.LOADS_LIBRARY, "run()V", "call java/lang/Runtime.load(Ljava/lang/String;)V");
        assertFlags(calls, Kind.LOADS_LIBRARY, "run()V", "handle java/lang/System.load(Ljava/lang/String;)V");
        assertEquals(3, calls.size(), calls.toString());
    }

    @Test
    void unsafeIsFlaggedAsTypeAsCallAndAsReflectiveName() {
        List<Finding> findings = scan(probe(writer -> {
            writer.visitField(Opcodes.ACC_STATIC, "U", "Lsun/misc/Unsafe;", null, null).visitEnd();
            MethodVisitor m = writer.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
            m.visitCode();
            m.visitFieldInsn(Opcodes.GETSTATIC, "test/Probe", "U", "Lsun/misc/Unsafe;");
            m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "jdk/internal/misc/Unsafe", "fullFence", "()V", false);
            m.visitLdcInsn("sun.misc.Unsafe");
            m.visitInsn(Opcodes.POP);
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }));
        assertFlags(findings, Kind.UNSAFE, "U:Lsun/misc/Unsafe;", "type sun/misc/Unsafe");
        assertFlags(findings, Kind.UNSAFE, "run()V", "type sun/misc/Unsafe");
        assertFlags(findings, Kind.UNSAFE, "run()V", "call jdk/internal/misc/Unsafe.fullFence()V");
        assertFlags(findings, Kind.UNSAFE, "run()V", "string \"sun.misc.Unsafe\"");
    }

    @Test
    void theForeignFunctionApiIsFlaggedInDescriptorsAnnotationsAndModules() {
        List<Finding> inDescriptor = scan(probe(writer -> writer.visitMethod(Opcodes.ACC_ABSTRACT, "call",
                "(Ljava/lang/foreign/MemorySegment;)V", null, null).visitEnd()));
        assertFlags(inDescriptor, Kind.FOREIGN_API, "call(Ljava/lang/foreign/MemorySegment;)V", "type java/lang/foreign/MemorySegment");

        List<Finding> inAnnotation = scan(probe(writer -> {
            AnnotationVisitor annotation = writer.visitAnnotation("Ltest/Uses;", false);
            annotation.visit("value", Type.getObjectType("jdk/incubator/foreign/CLinker"));
            annotation.visitEnd();
        }));
        assertFlags(inAnnotation, Kind.FOREIGN_API, BytecodeScan.CLASS_HEADER, "type jdk/incubator/foreign/CLinker");

        List<Finding> linker = scan(probeMethod(m -> {
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/foreign/Linker", "nativeLinker", "()Ljava/lang/foreign/Linker;", true);
            m.visitInsn(Opcodes.POP);
        }));
        assertFlags(linker, Kind.FOREIGN_API, "run()V", "call java/lang/foreign/Linker.nativeLinker()Ljava/lang/foreign/Linker;");

        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_MODULE, "module-info", null, null, null);
        ModuleVisitor module = writer.visitModule("test.probe", 0, null);
        module.visitRequire("java.base", Opcodes.ACC_MANDATED, null);
        module.visitRequire("jdk.incubator.foreign", 0, null);
        module.visitEnd();
        writer.visitEnd();
        BytecodeScan scan = new BytecodeScan();
        scan.scanClass(writer.toByteArray(), "generated");
        assertEquals(List.of(new Finding(Kind.FOREIGN_API, "module-info", BytecodeScan.CLASS_HEADER,
                "module jdk.incubator.foreign", "generated")), scan.findings());
    }

    @Test
    void definingAClassIsReported() {
        List<Finding> findings = scan(probeMethod(m -> {
            m.visitInsn(Opcodes.ACONST_NULL);
            m.visitInsn(Opcodes.ACONST_NULL);
            m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandles$Lookup", "defineClass",
                    "([B)Ljava/lang/Class;", false);
            m.visitInsn(Opcodes.POP);
        }));
        assertFlags(findings, Kind.DEFINES_CLASS, "run()V",
                "call java/lang/invoke/MethodHandles$Lookup.defineClass([B)Ljava/lang/Class;");
    }

    @Test
    void jarsAreScannedWithTheirMultiReleaseVersionsAndDirectoriesToo(@TempDir Path dir) throws IOException {
        byte[] nativeClass = probe(writer -> writer.visitMethod(
                Opcodes.ACC_STATIC | Opcodes.ACC_NATIVE, "peek", "()V", null, null).visitEnd());
        byte[] clean = probeMethod(m -> {});
        Path jar = dir.resolve("probe.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "test/Probe.class", clean);
            put(out, "META-INF/versions/22/test/Probe.class", nativeClass);
            put(out, "README.txt", "not a class".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        BytecodeScan scan = new BytecodeScan();
        assertEquals(2, scan.scanJar(jar));
        assertEquals(List.of(new Finding(Kind.NATIVE_METHOD, "test/Probe", "peek()V", "native method",
                "probe.jar!/META-INF/versions/22/test/Probe.class")), scan.findings());

        Path classes = Files.createDirectories(dir.resolve("classes/test"));
        Files.write(classes.resolve("Probe.class"), nativeClass);
        BytecodeScan directory = new BytecodeScan();
        assertEquals(1, directory.scanDirectory(dir.resolve("classes")));
        assertEquals(Kind.NATIVE_METHOD, directory.findings().get(0).kind());
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    @Test
    void aClassFileThatCannotBeReadIsAnErrorNotASkip() {
        byte[] truncated = java.util.Arrays.copyOf(probeMethod(m -> {}), 40);
        assertThrows(RuntimeException.class, () -> new BytecodeScan().scanClass(truncated, "broken"));
        byte[] future = probeMethod(m -> {});
        future[7] = (byte) 200; // class file major version 200
        assertThrows(IllegalArgumentException.class, () -> new BytecodeScan().scanClass(future, "future"));
    }

    @Test
    void anAllowanceCoversOnlyTheMembersAndDetailsItNamesAndUnusedOnesAreReported() {
        Finding inRun = new Finding(Kind.UNSAFE, "test/Probe", "run()V", "string \"sun.misc.Unsafe\"", "x.jar!/test/Probe.class");
        Finding inOther = new Finding(Kind.UNSAFE, "test/Probe", "other()V", "string \"sun.misc.Unsafe\"", "x.jar!/test/Probe.class");
        Allowance allowance = new Allowance(Kind.UNSAFE, "test/Probe", "x.jar", Set.of("run()V", "gone()V"),
                Set.of("string \"sun.misc.Unsafe\""), "test");
        assertEquals(List.of(inOther.toString()), BytecodeScan.unexplained(List.of(inRun, inOther), List.of(allowance)));
        assertEquals(List.of("test/Probe member gone()V"), BytecodeScan.unused(List.of(inRun, inOther), List.of(allowance)));
        Allowance elsewhere = new Allowance(Kind.UNSAFE, "test/Probe", "y.jar", Set.of("run()V"),
                Set.of("string \"sun.misc.Unsafe\""), "test");
        assertEquals(1, BytecodeScan.unexplained(List.of(inRun), List.of(elsewhere)).size());
    }
}
