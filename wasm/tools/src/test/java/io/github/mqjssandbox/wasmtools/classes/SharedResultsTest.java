package io.github.mqjssandbox.wasmtools.classes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.FunctionType;
import io.github.mqjssandbox.wasmtools.split.Splitter;
import io.github.mqjssandbox.wasmtools.wasm.Fixtures;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

class SharedResultsTest {
    private static final byte[] MULTI = Fixtures.load("multi-value.wasm");
    private static final SharedResults.Buffer BUFFER = new SharedResults.Buffer(
            TestBuffer.class.getName().replace('.', '/'), "results", TestBuffer.SIZE);

    /** The run-time side the rewritten classes call: one array per memory, and a count. */
    public static final class TestBuffer {
        static final int SIZE = 16;
        static final Map<Memory, long[]> ARRAYS = new java.util.IdentityHashMap<>();
        static int calls;

        public static long[] results(Memory memory) {
            calls++;
            return ARRAYS.computeIfAbsent(memory, m -> new long[SIZE]);
        }
    }

    @TempDir
    Path dir;

    @Test
    void multiValueFunctionsFillOneArrayAndComputeTheSame() throws Exception {
        Map<String, byte[]> classes = compile(MULTI);
        List<SharedResults.Report> reports = new ArrayList<>();
        Map<String, byte[]> changed = SharedResults.rewrite(classes, BUFFER, reports);
        assertEquals(1, reports.size());
        SharedResults.Report r = reports.get(0);
        assertEquals("fixture.Machine", r.machine());
        // pair, hidden, fibpair and tabled: the exported one is reached through its call_N wrapper
        assertEquals(4, r.functions(), r.toString());
        assertTrue(r.copies() >= 4, "each call_N wrapper copies: " + r);
        assertEquals(3, r.largestResults());
        classes.putAll(changed);
        assertEquals(0, countNewLongArraysInFunctions(classes), "no function allocates its results any more");

        Instance plain = instance(MULTI, null);
        Instance shared = instance(MULTI, classes);
        TestBuffer.calls = 0;
        for (int n = 0; n < 25; n++) {
            for (String export : List.of("use", "fib", "fib_both", "indirect")) {
                assertEquals(plain.export(export).apply(n)[0], shared.export(export).apply(n)[0], export + "(" + n + ")");
            }
        }
        assertTrue(TestBuffer.calls > 25 * 4, "results went through the shared array: " + TestBuffer.calls);
        assertEquals(75025, shared.export("fib").apply(25)[0]);

        // an export hands its caller an array of its own, of the function's result count
        long[] first = shared.export("pair").apply(8);
        long[] second = shared.export("pair").apply(9);
        assertArrayEquals(plain.export("pair").apply(8), first);
        assertEquals(3, first.length);
        assertNotSame(first, second);
        assertEquals(9, first[0]);
        assertEquals(10, second[0]);
    }

    @Test
    void splitInterpreterComputesTheSameWithSharedResults() throws Exception {
        byte[] interp = Fixtures.load("split-interp.wasm");
        WasmModule m = WasmModule.parse(interp);
        Splitter.split(m, Splitter.Options.withBudget(200));
        byte[] split = m.encode();
        Map<String, byte[]> classes = compile(split);
        List<SharedResults.Report> reports = new ArrayList<>();
        classes.putAll(SharedResults.rewrite(classes, BUFFER, reports));
        assertTrue(reports.get(0).functions() > 3, reports.toString());

        Instance plain = instance(interp, null);
        Instance shared = instance(split, classes);
        int distinct = 0;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int n = 0; n < 300; n += 7) {
            for (int seed = -50; seed < 400; seed += 13) {
                int x = (int) plain.export("run").apply(n, seed)[0];
                assertEquals(x, (int) shared.export("run").apply(n, seed)[0], "run(" + n + "," + seed + ")");
                seen.add(x);
            }
        }
        distinct = seen.size();
        assertTrue(distinct > 100, "inputs exercise many paths: " + distinct);
        for (int n = 0; n < 70; n++) {
            plain.export("fill").apply(n);
            shared.export("fill").apply(n);
            for (int i = 0; i < 64; i++) {
                assertEquals((int) plain.export("peek").apply(i)[0], (int) shared.export("peek").apply(i)[0]);
            }
        }
    }

    @Test
    void aSecondRunChangesNothingAndTheGateSeesTheDirectory() throws Exception {
        Map<String, byte[]> classes = compile(MULTI);
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> options = Map.of("--classes", dir.toString(), "--buffer",
                TestBuffer.class.getName() + ".results", "--capacity", "16");
        assertEquals(0, SharedResultsCommand.run(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString());
        assertTrue(out.toString().contains("4 functions return through the shared array"), out.toString());
        Map<String, byte[]> once = readAll(dir);
        out.reset();
        assertEquals(0, SharedResultsCommand.run(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString());
        assertTrue(out.toString().contains("already"), out.toString());
        Map<String, byte[]> twice = readAll(dir);
        assertEquals(once.keySet(), twice.keySet());
        for (String k : once.keySet()) {
            assertArrayEquals(once.get(k), twice.get(k), k);
        }
        // deterministic: the same input gives the same bytes
        Map<String, byte[]> again = SharedResults.rewrite(compile(MULTI), BUFFER, new ArrayList<>());
        for (Map.Entry<String, byte[]> e : again.entrySet()) {
            assertArrayEquals(once.get(e.getKey()), e.getValue(), e.getKey());
        }
    }

    @Test
    void tooSmallACapacityIsRefused() {
        SharedResults.Buffer two = new SharedResults.Buffer(BUFFER.owner(), BUFFER.name(), 2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SharedResults.rewrite(compile(MULTI), two, new ArrayList<>()));
        assertTrue(e.getMessage().contains("more than the shared array's 2"), e.getMessage());
    }

    @Test
    void anArrayReadAfterOtherCodeIsRefused() {
        Map<String, byte[]> classes = compile(MULTI);
        // after the first read run of a call's array, read it once more: a shape Chicory does not make
        String group = classes.keySet().stream().filter(k -> k.contains("FuncGroup_")).findFirst().orElseThrow();
        ClassNode node = new ClassNode();
        new ClassReader(classes.get(group)).accept(node, 0);
        boolean patched = false;
        for (MethodNode m : node.methods) {
            for (AbstractInsnNode insn : m.instructions.toArray()) {
                if (!patched && insn instanceof MethodInsnNode call && call.name.startsWith("func_")
                        && call.desc.endsWith(")[J") && insn.getNext() instanceof VarInsnNode store) {
                    AbstractInsnNode end = store;
                    while (end.getNext().getOpcode() != Opcodes.ISTORE && end.getNext().getOpcode() != Opcodes.IRETURN
                            && end.getNext().getOpcode() != Opcodes.IADD && end.getNext().getOpcode() != Opcodes.ISUB
                            && end.getNext().getOpcode() != Opcodes.INVOKESTATIC) {
                        end = end.getNext();
                    }
                    AbstractInsnNode marker = new InsnNode(Opcodes.NOP);
                    m.instructions.insert(end, marker);
                    m.instructions.insert(marker, new VarInsnNode(Opcodes.ALOAD, store.var));
                    m.instructions.insert(marker.getNext(), new InsnNode(Opcodes.POP));
                    patched = true;
                }
            }
        }
        assertTrue(patched);
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(w);
        classes.put(group, w.toByteArray());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SharedResults.rewrite(classes, BUFFER, new ArrayList<>()));
        assertTrue(e.getMessage().contains("read outside the run of reads"), e.getMessage());
    }

    private static long countNewLongArraysInFunctions(Map<String, byte[]> classes) {
        long count = 0;
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            ClassNode node = new ClassNode();
            new ClassReader(e.getValue()).accept(node, 0);
            for (MethodNode m : node.methods) {
                if (!m.name.startsWith("func_")) {
                    continue;
                }
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn instanceof MethodInsnNode call && call.name.startsWith("value_")
                            && !call.name.endsWith(SharedResults.SUFFIX)) {
                        count++;
                    }
                    if (insn instanceof IntInsnNode n && n.getOpcode() == Opcodes.NEWARRAY && n.operand == Opcodes.T_LONG) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static Map<String, byte[]> compile(byte[] module) {
        var result = Compiler.builder(Parser.parse(module)).withClassName("fixture.Machine").build().compile();
        Map<String, byte[]> classes = new TreeMap<>();
        result.classBytes().forEach((name, bytes) -> classes.put(name.replace('.', '/') + ".class", bytes));
        return classes;
    }

    private static Map<String, byte[]> readAll(Path dir) throws Exception {
        Map<String, byte[]> all = new TreeMap<>();
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                all.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return all;
    }

    /** Chicory's interpreter when {@code classes} is null, else the given AOT classes. */
    private static Instance instance(byte[] module, Map<String, byte[]> classes) throws Exception {
        var i32 = com.dylibso.chicory.wasm.types.ValType.I32;
        HostFunction hostAdd = new HostFunction("env", "host_add",
                FunctionType.of(List.of(i32, i32), List.of(i32)),
                (inst, args) -> new long[] {(int) args[0] + (int) args[1]});
        var parsed = Parser.parse(module);
        var builder = Instance.builder(parsed);
        if (parsed.importSection().importCount() > 0) {
            builder.withImportValues(ImportValues.builder().addFunction(hostAdd).build());
        }
        if (classes != null) {
            Map<String, byte[]> byName = new HashMap<>();
            classes.forEach((path, bytes) -> byName.put(path.substring(0, path.length() - 6).replace('/', '.'), bytes));
            ClassLoader loader = new ClassLoader(SharedResultsTest.class.getClassLoader()) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    byte[] bytes = byName.get(name);
                    if (bytes == null) {
                        throw new ClassNotFoundException(name);
                    }
                    return defineClass(name, bytes, 0, bytes.length);
                }
            };
            Constructor<?> ctor = loader.loadClass("fixture.Machine").getConstructor(Instance.class);
            builder.withMachineFactory(inst -> {
                try {
                    return (Machine) ctor.newInstance(inst);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return builder.build();
    }
}
