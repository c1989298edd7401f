package io.github.mqjssandbox.nativecode;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/** The fallback check accepts the shape of Chicory's fence fallback and rejects a reachable Unsafe lookup. */
class FenceFallbackTest {

    private enum Shape { FALLBACK, FALLS_THROUGH, JUMPED_INTO, UNGUARDED }

    private static ClassNode probe(Shape shape) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_SUPER, "test/Fence", null, "java/lang/Object", null);
        MethodVisitor m = writer.visitMethod(Opcodes.ACC_STATIC, "fence", "()V", null, null);
        m.visitCode();
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label lookup = new Label();
        Label done = new Label();
        m.visitTryCatchBlock(start, end, handler, "java/lang/NoSuchMethodError");
        m.visitLabel(start);
        if (shape == Shape.JUMPED_INTO) {
            m.visitInsn(Opcodes.ICONST_0);
            m.visitJumpInsn(Opcodes.IFEQ, lookup);
        }
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/VarHandle",
                shape == Shape.UNGUARDED ? "acquireFence" : "fullFence", "()V", false);
        m.visitLabel(end);
        if (shape == Shape.FALLS_THROUGH) {
            m.visitInsn(Opcodes.NOP);
        } else {
            m.visitJumpInsn(Opcodes.GOTO, done);
        }
        m.visitLabel(handler);
        m.visitInsn(Opcodes.POP);
        m.visitLabel(lookup);
        m.visitLdcInsn("sun.misc.Unsafe");
        m.visitInsn(Opcodes.POP);
        m.visitLabel(done);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        MethodVisitor lambda = writer.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, "lambda$fence$0", "()V", null, null);
        lambda.visitCode();
        lambda.visitInsn(Opcodes.RETURN);
        lambda.visitMaxs(0, 0);
        lambda.visitEnd();
        writer.visitEnd();
        ClassNode node = new ClassNode();
        new ClassReader(writer.toByteArray()).accept(node, 0);
        return node;
    }

    private static void assertRejected(Shape shape, String why) {
        AssertionError error = assertThrows(AssertionError.class,
                () -> FenceFallback.check(probe(shape), "fence()V", "lambda$fence$0()V"));
        assertTrue(error.getMessage().contains(why), error.getMessage());
    }

    @Test
    void acceptsALookupReachedOnlyByTheNoSuchMethodError() {
        FenceFallback.check(probe(Shape.FALLBACK), "fence()V", "lambda$fence$0()V");
    }

    @Test
    void rejectsALookupThatTheNormalPathFallsInto() {
        assertRejected(Shape.FALLS_THROUGH, "falls through into the handler");
    }

    @Test
    void rejectsALookupThatABranchReaches() {
        assertRejected(Shape.JUMPED_INTO, "is a jump target");
    }

    @Test
    void rejectsAHandlerThatDoesNotGuardFullFence() {
        assertRejected(Shape.UNGUARDED, "does not call VarHandle.fullFence()");
    }
}
