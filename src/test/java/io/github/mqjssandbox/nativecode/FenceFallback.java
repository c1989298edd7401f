package io.github.mqjssandbox.nativecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Checks, on a method's bytecode, that its mentions of {@code sun.misc.Unsafe} are reached
 * only through the NoSuchMethodError handler of a {@code VarHandle.fullFence()} call: the
 * shape of Chicory's Java 8 fallback for the atomic fence.
 */
final class FenceFallback {
    private FenceFallback() {}

    static void check(ClassNode owner, String method, String lambda) {
        MethodNode code = find(owner, method);
        InsnList insns = code.instructions;
        List<TryCatchBlockNode> guards = code.tryCatchBlocks.stream()
                .filter(t -> "java/lang/NoSuchMethodError".equals(t.type)).toList();
        assertEquals(1, guards.size(), owner.name + "." + method + ": NoSuchMethodError handlers");
        TryCatchBlockNode guard = guards.get(0);
        int start = insns.indexOf(guard.start);
        int end = insns.indexOf(guard.end);
        int handler = insns.indexOf(guard.handler);

        boolean fenceGuarded = false;
        for (int i = start; i < end; i++) {
            if (insns.get(i) instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESTATIC
                    && call.owner.equals("java/lang/invoke/VarHandle") && call.name.equals("fullFence")
                    && call.desc.equals("()V")) {
                fenceGuarded = true;
            }
        }
        assertTrue(fenceGuarded, owner.name + "." + method + ": the guarded range does not call VarHandle.fullFence()");

        // Everything that mentions Unsafe or makes the fallback's lambda, in this method.
        List<Integer> fallbackInsns = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            AbstractInsnNode insn = insns.get(i);
            if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String text && text.contains("sun.misc.Unsafe")) {
                fallbackInsns.add(i);
            } else if (insn instanceof InvokeDynamicInsnNode indy && makes(indy, owner.name, lambda)) {
                fallbackInsns.add(i);
            }
        }
        assertFalse(fallbackInsns.isEmpty(), owner.name + "." + method + " no longer mentions Unsafe");
        int last = fallbackInsns.get(fallbackInsns.size() - 1);
        assertTrue(fallbackInsns.get(0) > handler,
                owner.name + "." + method + ": Unsafe is mentioned before the NoSuchMethodError handler");

        // Nothing falls into the handler: the instruction before it jumps, returns or throws.
        AbstractInsnNode before = guard.handler.getPrevious();
        while (before != null && before.getOpcode() < 0) {
            before = before.getPrevious();
        }
        assertTrue(before != null && endsFlow(before.getOpcode()),
                owner.name + "." + method + ": code falls through into the handler");

        // Nothing jumps into the fallback but the exception: no branch, no switch, no handler of
        // code outside it targets it (the fallback's own try/catch may).
        List<LabelNode> targets = new ArrayList<>();
        for (AbstractInsnNode insn : insns) {
            if (insn instanceof JumpInsnNode jump) {
                targets.add(jump.label);
            } else if (insn instanceof TableSwitchInsnNode table) {
                targets.add(table.dflt);
                targets.addAll(table.labels);
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                targets.add(lookup.dflt);
                targets.addAll(lookup.labels);
            }
        }
        for (TryCatchBlockNode other : code.tryCatchBlocks) {
            boolean insideTheFallback = insns.indexOf(other.start) > handler && insns.indexOf(other.end) <= last + 1;
            if (other != guard && !insideTheFallback) {
                targets.add(other.handler);
            }
        }
        for (LabelNode target : targets) {
            int at = insns.indexOf(target);
            if (at > handler && at <= last) {
                fail(owner.name + "." + method + ": instruction " + at + " inside the fallback is a jump target");
            }
        }

        // The lambda is made in the fallback only.
        for (MethodNode other : owner.methods) {
            if (other == code) {
                continue;
            }
            for (AbstractInsnNode insn : other.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy && makes(indy, owner.name, lambda)) {
                    fail(owner.name + "." + other.name + other.desc + " also makes " + lambda);
                }
            }
        }
        find(owner, lambda);
    }

    private static boolean makes(InvokeDynamicInsnNode indy, String owner, String lambda) {
        for (Object argument : indy.bsmArgs) {
            if (argument instanceof Handle handle && handle.getOwner().equals(owner)
                    && lambda.equals(handle.getName() + handle.getDesc())) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsFlow(int opcode) {
        return opcode == Opcodes.GOTO || opcode == Opcodes.ATHROW
                || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN);
    }

    private static MethodNode find(ClassNode owner, String nameAndDescriptor) {
        return owner.methods.stream()
                .filter(m -> nameAndDescriptor.equals(m.name + m.desc))
                .findFirst()
                .orElseThrow(() -> new AssertionError(owner.name + " has no method " + nameAndDescriptor));
    }
}
