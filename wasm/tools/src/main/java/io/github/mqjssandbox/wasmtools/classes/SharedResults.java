package io.github.mqjssandbox.wasmtools.classes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Build-time pass over the classes Chicory's AOT compiler generated: a wasm function with more
 * than one result returns them in a {@code long[]} that Chicory allocates on every call (its
 * {@code value_*} helpers: {@code new long[n]}, one store per result). The splitter's outlined
 * regions hand back their live-out locals that way, several times per JS instruction.
 *
 * <p>Chicory's code reads such an array right after the call returns (astore, then one laload
 * per result, nothing else in between), so one array per instance can carry every call's
 * results. This pass makes the functions that are only ever called directly (not through the
 * machine-call dispatcher, which serves exports and call_indirect) fill an array that a static
 * method named by the caller returns for the function's {@code Memory} argument (the library
 * keeps it in its per-instance memory object) instead of a new one. It checks the "read at
 * once" shape at every call site of a rewritten function and refuses the classes otherwise.
 *
 * <p>Output is a deterministic function of the input classes; classes already rewritten are
 * recognised and left alone, so running the pass twice changes nothing.
 */
public final class SharedResults {
    static final String MEMORY = "Lcom/dylibso/chicory/runtime/Memory;";
    static final String SUFFIX = "$shared";
    /** Classes whose static (long) -> value methods Chicory uses to unbox a result (f32, f64). */
    private static final Set<String> CONVERSIONS = Set.of("com/dylibso/chicory/wasm/types/Value",
            "java/lang/Double", "java/lang/Float");

    /** Where the shared array comes from: a static method {@code (Memory) -> long[]}. */
    public record Buffer(String owner, String name, int capacity) {
        public static Buffer parse(String spec, int capacity) {
            int dot = spec.lastIndexOf('.');
            if (dot <= 0 || dot == spec.length() - 1) {
                throw new IllegalArgumentException("--buffer expects owner.Class.method, got " + spec);
            }
            return new Buffer(spec.substring(0, dot).replace('.', '/'), spec.substring(dot + 1), capacity);
        }

        String descriptor() {
            return "(" + MEMORY + ")[J";
        }
    }

    /** What one run did, per machine class. */
    public record Report(String machine, int functions, int returnSites, int callSites, int copies, int skipped, int largestResults) {
        @Override
        public String toString() {
            return String.format("%s: %d functions return through the shared array (%d return sites, %d call sites,"
                    + " %d copies for the dispatcher), %d multi-value functions left as they were; at most %d results",
                    machine, functions, returnSites, callSites, copies, skipped, largestResults);
        }
    }

    private SharedResults() {
    }

    /** Rewrites every Chicory machine under {@code dir} in place. */
    public static List<Report> rewrite(Path dir, Buffer buffer) {
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")).sorted()::iterator) {
                classes.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        List<Report> reports = new ArrayList<>();
        Map<String, byte[]> changed = rewrite(classes, buffer, reports);
        try {
            for (Map.Entry<String, byte[]> e : changed.entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write under " + dir + ": " + e.getMessage(), e);
        }
        return reports;
    }

    /**
     * Rewrites class files given by path ({@code a/b/C.class}); returns the changed ones. A
     * machine is recognised by its {@code <Machine>MachineCall.class}.
     */
    public static Map<String, byte[]> rewrite(Map<String, byte[]> classes, Buffer buffer, List<Report> reports) {
        Map<String, byte[]> changed = new TreeMap<>();
        for (String path : classes.keySet()) {
            if (!path.endsWith("MachineCall.class")) {
                continue;
            }
            String machine = path.substring(0, path.length() - "MachineCall.class".length());
            if (!classes.containsKey(machine + ".class")) {
                continue;
            }
            Map<String, ClassNode> members = new LinkedHashMap<>();
            for (String p : classes.keySet()) {
                if (p.equals(machine + ".class") || (p.startsWith(machine + "FuncGroup_") && p.endsWith(".class"))) {
                    members.put(p, read(classes.get(p)));
                }
            }
            ClassNode dispatcher = read(classes.get(path));
            Report report = rewriteMachine(machine, members, dispatcher, buffer);
            if (report.functions() > 0) {
                for (Map.Entry<String, ClassNode> e : members.entrySet()) {
                    changed.put(e.getKey(), write(e.getValue()));
                }
            }
            reports.add(report);
        }
        return changed;
    }

    /** {@code machine}: the machine class's internal name (its path without ".class"). */
    private static Report rewriteMachine(String machine, Map<String, ClassNode> members, ClassNode dispatcher, Buffer buffer) {
        ClassNode machineClass = members.get(machine + ".class");
        // Functions reachable from outside: the dispatcher calls them with its own array handling.
        Set<String> outside = new HashSet<>();
        for (MethodNode m : dispatcher.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode call) {
                    outside.add(call.owner + "." + call.name + call.desc);
                }
            }
        }
        Map<String, MethodNode> helpers = new TreeMap<>();
        for (MethodNode m : machineClass.methods) {
            if (m.name.startsWith("value_") && !m.name.endsWith(SUFFIX) && m.desc.endsWith(")[J")
                    && (m.access & Opcodes.ACC_STATIC) != 0) {
                helpers.put(m.name + m.desc, m);
            }
        }
        Set<String> existing = new HashSet<>();
        for (MethodNode m : machineClass.methods) {
            existing.add(m.name + m.desc);
        }

        // 1. the multi-value functions only called directly
        Set<String> rewritten = new TreeSet<>();
        Map<String, Integer> resultCount = new HashMap<>();
        int skipped = 0;
        for (ClassNode c : members.values()) {
            for (MethodNode m : c.methods) {
                if (!m.name.startsWith("func_") || !m.desc.endsWith(")[J")) {
                    continue;
                }
                String key = c.name + "." + m.name + m.desc;
                int count = -1;
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn instanceof MethodInsnNode call && call.owner.equals(machine)
                            && helpers.containsKey(call.name + call.desc)) {
                        count = Type.getArgumentTypes(call.desc).length;
                    }
                }
                if (outside.contains(key) || memorySlot(m) < 0 || count < 0) {
                    skipped++;
                } else {
                    rewritten.add(key);
                    resultCount.put(key, count);
                }
            }
        }
        // 2. every call site of them must read the array at once, or return it at once to its
        //    own caller (call_indirect_N dispatchers), whose call sites are then checked too
        Set<String> checked = new TreeSet<>(rewritten);
        Set<AbstractInsnNode> done = Collections.newSetFromMap(new IdentityHashMap<>());
        int callSites = 0;
        int copies = 0;
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ClassNode c : members.values()) {
                for (MethodNode m : c.methods) {
                    String caller = c.name + "." + m.name + m.desc;
                    for (AbstractInsnNode insn : m.instructions) {
                        if (!(insn instanceof MethodInsnNode call)
                                || !checked.contains(call.owner + "." + call.name + call.desc)
                                || !done.add(insn)) {
                            continue;
                        }
                        AbstractInsnNode next = nextReal(call);
                        String callee = call.owner + "." + call.name + call.desc;
                        if (next != null && next.getOpcode() == Opcodes.ARETURN && outside.contains(caller)) {
                            // a call_N wrapper of the machine-call dispatcher (exports, calls from the
                            // host): it gets a copy of its own
                            m.instructions.insert(call, copyOf(resultCount.get(callee)));
                            copies++;
                        } else if (next != null && next.getOpcode() == Opcodes.ARETURN) {
                            grew |= checked.add(caller);
                            resultCount.put(caller, resultCount.get(callee));
                        } else {
                            checkReadAtOnce(caller, m, call);
                            callSites++;
                        }
                    }
                }
            }
        }
        for (MethodNode m : dispatcher.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode call && checked.contains(call.owner + "." + call.name + call.desc)) {
                    throw new IllegalStateException(dispatcher.name + "." + m.name + " calls " + call.name
                            + ", whose results are shared");
                }
            }
        }
        // 3. their returns go through shared-array copies of the helpers
        int returnSites = 0;
        int largest = 0;
        Map<String, MethodNode> added = new TreeMap<>();
        for (ClassNode c : members.values()) {
            for (MethodNode m : c.methods) {
                if (!rewritten.contains(c.name + "." + m.name + m.desc)) {
                    continue;
                }
                int slot = memorySlot(m);
                for (AbstractInsnNode insn : m.instructions.toArray()) {
                    if (!(insn instanceof MethodInsnNode call) || call.getOpcode() != Opcodes.INVOKESTATIC
                            || !call.owner.equals(machine) || !helpers.containsKey(call.name + call.desc)) {
                        continue;
                    }
                    AbstractInsnNode next = nextReal(call);
                    if (next == null || next.getOpcode() != Opcodes.ARETURN) {
                        throw new IllegalStateException(c.name + "." + m.name + ": " + call.name
                                + " is not followed by areturn; not the shape this pass knows");
                    }
                    String sharedName = call.name + SUFFIX;
                    String sharedDesc = call.desc.replace(")[J", MEMORY + ")[J");
                    if (!added.containsKey(sharedName + sharedDesc) && !existing.contains(sharedName + sharedDesc)) {
                        MethodNode h = helpers.get(call.name + call.desc);
                        added.put(sharedName + sharedDesc, sharedCopy(h, sharedName, sharedDesc, buffer));
                    }
                    int count = Type.getArgumentTypes(call.desc).length;
                    if (count > buffer.capacity()) {
                        throw new IllegalStateException(c.name + "." + m.name + " returns " + count
                                + " results, more than the shared array's " + buffer.capacity());
                    }
                    largest = Math.max(largest, count);
                    m.instructions.insertBefore(call, new VarInsnNode(Opcodes.ALOAD, slot));
                    call.name = sharedName;
                    call.desc = sharedDesc;
                    returnSites++;
                }
            }
        }
        machineClass.methods.addAll(added.values());
        int functions = returnSites == 0 ? 0 : rewritten.size();
        return new Report(machine.replace('/', '.'), functions, returnSites, returnSites == 0 ? 0 : callSites, copies, skipped, largest);
    }

    private static InsnList copyOf(int count) {
        InsnList copy = new InsnList();
        copy.add(new IntInsnNode(Opcodes.SIPUSH, count));
        copy.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/util/Arrays", "copyOf", "([JI)[J", false));
        return copy;
    }

    /** The local slot of a static function method's Memory parameter (its second-last), or -1. */
    static int memorySlot(MethodNode m) {
        if ((m.access & Opcodes.ACC_STATIC) == 0) {
            return -1;
        }
        Type[] args = Type.getArgumentTypes(m.desc);
        if (args.length < 2 || !args[args.length - 2].getDescriptor().equals(MEMORY)) {
            return -1;
        }
        int slot = 0;
        for (int i = 0; i < args.length - 2; i++) {
            slot += args[i].getSize();
        }
        return slot;
    }

    /**
     * Chicory stores a call's array to a local and reads it back at once: every load of that
     * local must sit in a straight run of reads (aload, an index constant, laload, conversions)
     * that starts with the store right after a call. A label (a possible jump target) or any
     * other instruction in between is refused.
     */
    private static void checkReadAtOnce(String where, MethodNode method, MethodInsnNode call) {
        AbstractInsnNode store = nextReal(call);
        if (!(store instanceof VarInsnNode v) || store.getOpcode() != Opcodes.ASTORE || store.getPrevious() != call) {
            throw new IllegalStateException(where + ": the result of " + call.name + " is not stored at once");
        }
        int local = v.var;
        for (AbstractInsnNode insn : method.instructions) {
            if (!(insn instanceof VarInsnNode load) || load.var != local || load.getOpcode() != Opcodes.ALOAD) {
                continue;
            }
            AbstractInsnNode back = insn.getPrevious();
            while (back != null && isRead(back, local)) {
                back = back.getPrevious();
            }
            if (!(back instanceof VarInsnNode s) || s.var != local || s.getOpcode() != Opcodes.ASTORE
                    || !(s.getPrevious() instanceof MethodInsnNode m) || !m.desc.endsWith(")[J")) {
                throw new IllegalStateException(where + ": the result array of " + call.name
                        + " (local " + local + ") is read outside the run of reads after a call");
            }
        }
    }

    private static boolean isRead(AbstractInsnNode insn, int local) {
        int op = insn.getOpcode();
        return op == Opcodes.ALOAD && ((VarInsnNode) insn).var == local
                || op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5 || op == Opcodes.BIPUSH || op == Opcodes.SIPUSH
                || op == Opcodes.LALOAD || op == Opcodes.L2I || op == Opcodes.L2F || op == Opcodes.L2D
                || insn instanceof MethodInsnNode m && m.getOpcode() == Opcodes.INVOKESTATIC && m.desc.startsWith("(J)")
                        && CONVERSIONS.contains(m.owner);
    }

    private static MethodNode sharedCopy(MethodNode helper, String name, String desc, Buffer buffer) {
        MethodNode copy = new MethodNode(helper.access, name, desc, null, null);
        int memory = 0;
        for (Type t : Type.getArgumentTypes(helper.desc)) {
            memory += t.getSize();
        }
        InsnList code = new InsnList();
        AbstractInsnNode first = helper.instructions.getFirst();
        if (first != null && first.getOpcode() < 0) {
            first = nextReal(first);
        }
        AbstractInsnNode second = first == null ? null : nextReal(first);
        if (second == null || second.getOpcode() != Opcodes.NEWARRAY || ((IntInsnNode) second).operand != Opcodes.T_LONG) {
            throw new IllegalStateException(helper.name + " does not start with new long[n]");
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, memory));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, buffer.owner(), buffer.name(), buffer.descriptor(), false));
        for (AbstractInsnNode insn = nextReal(second); insn != null; insn = insn.getNext()) {
            if (insn.getType() == AbstractInsnNode.LABEL || insn.getType() == AbstractInsnNode.LINE
                    || insn.getType() == AbstractInsnNode.FRAME) {
                if (insn.getType() != AbstractInsnNode.LABEL) {
                    throw new IllegalStateException(helper.name + " is not straight-line code");
                }
                continue;
            }
            code.add(insn.clone(Map.of()));
        }
        copy.instructions = code;
        return copy;
    }

    private static AbstractInsnNode nextReal(AbstractInsnNode insn) {
        AbstractInsnNode n = insn.getNext();
        while (n != null && n.getOpcode() < 0) {
            n = n.getNext();
        }
        return n;
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    private static byte[] write(ClassNode node) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }
}
