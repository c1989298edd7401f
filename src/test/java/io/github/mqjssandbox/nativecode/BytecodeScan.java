package io.github.mqjssandbox.nativecode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Reads class files with ASM and reports what would let Java code reach native code or
 * memory outside the JVM's checks: {@code native} methods, {@code System/Runtime.load} and
 * {@code loadLibrary}, {@code sun.misc.Unsafe} and {@code jdk.internal.misc.Unsafe}, and the
 * foreign function and memory API ({@code java.lang.foreign}, {@code jdk.incubator.foreign}).
 * It also reports every call that defines a class from bytes, which the AOT engine must
 * never reach ({@link Kind#DEFINES_CLASS}).
 *
 * <p>Type references are collected by an identity {@link ClassRemapper}: ASM hands every type
 * name of a class (super types, descriptors, generic signatures, instructions, constants,
 * method handles, annotations, local variables, exception tables…) to its {@link Remapper}, so
 * none can be forgotten here. String constants that name the forbidden classes, or
 * {@code loadLibrary}, are reported too, since reflection reaches them that way.
 */
final class BytecodeScan {

    enum Kind {
        NATIVE_METHOD,
        LOADS_LIBRARY,
        UNSAFE,
        FOREIGN_API,
        /** Not forbidden in itself: the run-time compiler needs it. Listed so it can be checked. */
        DEFINES_CLASS
    }

    /** One finding: {@code member} is {@code name+descriptor}, or {@code <class>} for the class's own header. */
    record Finding(Kind kind, String className, String member, String detail, String source) {
        String key() {
            return kind + " " + className + " " + member + " " + detail;
        }

        @Override
        public String toString() {
            return key() + " (in " + source + ")";
        }
    }

    static final String CLASS_HEADER = "<class>";

    private static final Set<String> LOADERS = Set.of("java/lang/System", "java/lang/Runtime");
    private static final Set<String> LOAD_METHODS = Set.of("load", "loadLibrary");
    private static final Set<String> DEFINE_METHODS =
            Set.of("defineClass", "defineClass0", "defineClass1", "defineClass2",
                    "defineHiddenClass", "defineHiddenClassWithClassData", "defineAnonymousClass");

    private final Set<Finding> findings = new LinkedHashSet<>();
    private int classCount;
    private int jarCount;

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    List<Finding> findings(Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    int classCount() {
        return classCount;
    }

    int jarCount() {
        return jarCount;
    }

    /** Every {@code .class} file under {@code directory}; returns how many. */
    int scanDirectory(Path directory) throws IOException {
        int before = classCount;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : files) {
            scanClass(Files.readAllBytes(file), directory.relativize(file).toString());
        }
        return classCount - before;
    }

    /** Every {@code .class} entry of a jar, multi-release versions included; returns how many. */
    int scanJar(Path jar) throws IOException {
        int before = classCount;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().endsWith(".class")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    scanClass(in.readAllBytes(), jar.getFileName() + "!/" + entry.getName());
                }
            }
        }
        jarCount++;
        return classCount - before;
    }

    /**
     * Scans one class file. A file ASM cannot read (a class version newer than it knows, for
     * one) is an error, never skipped.
     */
    void scanClass(byte[] classFile, String source) {
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read " + source + ": " + e, e);
        }
        Recorder recorder = new Recorder(reader.getClassName(), source);
        ClassVisitor checks = new Checks(recorder);
        ClassVisitor types = new ClassRemapper(checks, new TypeNames(recorder));
        reader.accept(new MemberTracker(types, recorder), 0);
        classCount++;
    }

    private static boolean isUnsafe(String internalName) {
        return internalName != null
                && (internalName.equals("sun/misc/Unsafe") || internalName.equals("jdk/internal/misc/Unsafe")
                        || internalName.startsWith("sun/misc/Unsafe$") || internalName.startsWith("jdk/internal/misc/Unsafe$"));
    }

    private static boolean isForeign(String internalName) {
        return internalName != null
                && (internalName.startsWith("java/lang/foreign/") || internalName.startsWith("jdk/incubator/foreign/"));
    }

    /** Where findings of one class go, attributed to the member being read. */
    private final class Recorder {
        final String className;
        final String source;
        String member = CLASS_HEADER;

        Recorder(String className, String source) {
            this.className = className;
            this.source = source;
        }

        void add(Kind kind, String detail) {
            findings.add(new Finding(kind, className, member, detail, source));
        }

        void checkType(String internalName) {
            if (isUnsafe(internalName)) {
                add(Kind.UNSAFE, "type " + internalName);
            } else if (isForeign(internalName)) {
                add(Kind.FOREIGN_API, "type " + internalName);
            }
        }

        /** A method or field used: {@code how} is call, field or handle. */
        void checkMember(String owner, String name, String descriptor, String how) {
            if (isUnsafe(owner)) {
                add(Kind.UNSAFE, how + " " + owner + "." + name + descriptor);
            } else if (isForeign(owner)) {
                add(Kind.FOREIGN_API, how + " " + owner + "." + name + descriptor);
            }
        }

        void checkCall(String owner, String name, String descriptor, String how) {
            checkMember(owner, name, descriptor, how);
            if (LOADERS.contains(owner) && LOAD_METHODS.contains(name)) {
                add(Kind.LOADS_LIBRARY, how + " " + owner + "." + name + descriptor);
            }
            if (DEFINE_METHODS.contains(name) && (descriptor.contains("[B") || descriptor.contains("Ljava/nio/ByteBuffer;"))) {
                add(Kind.DEFINES_CLASS, how + " " + owner + "." + name + descriptor);
            }
        }

        void checkConstant(Object value) {
            if (value instanceof String text) {
                checkString(text);
            } else if (value instanceof Handle handle) {
                checkCall(handle.getOwner(), handle.getName(), handle.getDesc(), "handle");
            } else if (value instanceof ConstantDynamic dynamic) {
                checkConstant(dynamic.getBootstrapMethod());
                for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                    checkConstant(dynamic.getBootstrapMethodArgument(i));
                }
            }
        }

        /** Reflection names classes and methods by strings. */
        void checkString(String text) {
            String slashed = text.replace('.', '/');
            if (slashed.contains("sun/misc/Unsafe") || slashed.contains("jdk/internal/misc/Unsafe")) {
                add(Kind.UNSAFE, "string \"" + text + "\"");
            } else if (slashed.contains("java/lang/foreign") || slashed.contains("jdk/incubator/foreign")) {
                add(Kind.FOREIGN_API, "string \"" + text + "\"");
            } else if (text.equals("loadLibrary")) {
                add(Kind.LOADS_LIBRARY, "string \"" + text + "\"");
            }
        }
    }

    /** First in the chain, so that the remapper sees each member's descriptor after its name is known. */
    private static final class MemberTracker extends ClassVisitor {
        private final Recorder recorder;

        MemberTracker(ClassVisitor next, Recorder recorder) {
            super(Opcodes.ASM9, next);
            this.recorder = recorder;
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            recorder.member = "record component " + name;
            return super.visitRecordComponent(name, descriptor, signature);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            recorder.member = name + ":" + descriptor;
            return super.visitField(access, name, descriptor, signature, value);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            recorder.member = name + descriptor;
            return super.visitMethod(access, name, descriptor, signature, exceptions);
        }
    }

    /** Sees every type name, module and package name of the class; changes none. */
    private static final class TypeNames extends Remapper {
        private final Recorder recorder;

        TypeNames(Recorder recorder) {
            super(Opcodes.ASM9);
            this.recorder = recorder;
        }

        @Override
        public String map(String internalName) {
            recorder.checkType(internalName);
            return internalName;
        }

        @Override
        public String mapModuleName(String name) {
            if (name.equals("jdk.incubator.foreign")) {
                recorder.add(Kind.FOREIGN_API, "module " + name);
            }
            return name;
        }

        @Override
        public String mapPackageName(String name) {
            recorder.checkType(name + "/");
            return name;
        }
    }

    /**
     * Last in the chain: flags, calls, method handles and constants. Every visit returns a
     * visitor (never null), so that the remapper goes on into annotations, module directives
     * and record components rather than skipping them.
     */
    private static final class Checks extends ClassVisitor {
        private static final AnnotationVisitor ANNOTATIONS = new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String name, String descriptor) {
                return this;
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                return this;
            }
        };

        private final Recorder recorder;

        Checks(Recorder recorder) {
            super(Opcodes.ASM9);
            this.recorder = recorder;
        }

        @Override
        public ModuleVisitor visitModule(String name, int access, String version) {
            return new ModuleVisitor(Opcodes.ASM9) {};
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return ANNOTATIONS;
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return ANNOTATIONS;
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            return new RecordComponentVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    return ANNOTATIONS;
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
                    return ANNOTATIONS;
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            recorder.checkConstant(value);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    return ANNOTATIONS;
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
                    return ANNOTATIONS;
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if ((access & Opcodes.ACC_NATIVE) != 0) {
                recorder.add(Kind.NATIVE_METHOD, "native method");
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean isInterface) {
                    recorder.checkCall(owner, name, desc, "call");
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                    recorder.checkMember(owner, name, ":" + descriptor, "field");
                }

                @Override
                public void visitLdcInsn(Object value) {
                    recorder.checkConstant(value);
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... arguments) {
                    recorder.checkConstant(bootstrap);
                    for (Object argument : arguments) {
                        recorder.checkConstant(argument);
                    }
                }

                @Override
                public AnnotationVisitor visitAnnotationDefault() {
                    return ANNOTATIONS;
                }

                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    return ANNOTATIONS;
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
                    return ANNOTATIONS;
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
                    return ANNOTATIONS;
                }

                @Override
                public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
                    return ANNOTATIONS;
                }

                @Override
                public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
                    return ANNOTATIONS;
                }

                @Override
                public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                        Label[] end, int[] index, String descriptor, boolean visible) {
                    return ANNOTATIONS;
                }
            };
        }
    }

    /**
     * A documented exception: findings of {@code kind} in class {@code className}, read from a
     * source containing {@code sourcePart}, inside one of {@code members}, each with one of
     * {@code details}, are allowed because of {@code why}.
     */
    record Allowance(Kind kind, String className, String sourcePart, Set<String> members, Set<String> details, String why) {
        boolean allows(Finding finding) {
            return finding.kind() == kind
                    && finding.className().equals(className)
                    && finding.source().contains(sourcePart)
                    && members.contains(finding.member())
                    && details.contains(finding.detail());
        }
    }

    /** The findings no allowance explains, sorted. */
    static List<String> unexplained(List<Finding> findings, List<Allowance> allowances) {
        List<String> left = new ArrayList<>();
        for (Finding finding : findings) {
            if (allowances.stream().noneMatch(a -> a.allows(finding))) {
                left.add(finding.toString());
            }
        }
        Collections.sort(left);
        return left;
    }

    /**
     * What the allowances allow that no finding uses: a member or detail listed in vain, so
     * that the list stays minimal and cannot go stale.
     */
    static List<String> unused(List<Finding> findings, List<Allowance> allowances) {
        List<String> left = new ArrayList<>();
        for (Allowance allowance : allowances) {
            List<Finding> used = findings.stream().filter(allowance::allows).toList();
            for (String member : allowance.members()) {
                if (used.stream().noneMatch(f -> f.member().equals(member))) {
                    left.add(allowance.className() + " member " + member);
                }
            }
            for (String detail : allowance.details()) {
                if (used.stream().noneMatch(f -> f.detail().equals(detail))) {
                    left.add(allowance.className() + " detail " + detail);
                }
            }
        }
        Collections.sort(left);
        return left;
    }
}
