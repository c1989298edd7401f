package io.github.mqjssandbox.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The build rewrote the AOT classes (wasm-tools share-results, wasm/Makefile): no function
 * allocates a long[] for its results; they go through {@link SandboxMemory#sharedResults}.
 */
class SharedResultsClassesTest {

    @ParameterizedTest
    @ValueSource(strings = {"MquickjsAotMachine", "MquickjsMeteredAotMachine"})
    void functionsReturnSeveralResultsThroughTheSharedArray(String machine) throws IOException {
        List<String> allocating = new ArrayList<>();
        int[] shared = new int[1];
        for (int group = 0; ; group++) {
            InputStream in = PagedMemory.class.getResourceAsStream(machine + "FuncGroup_" + group + ".class");
            if (in == null) {
                assertTrue(group > 0, "no function group class for " + machine);
                break;
            }
            try (in) {
                new ClassReader(in.readAllBytes()).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                        if (!name.startsWith("func_")) {
                            return null;
                        }
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitMethodInsn(int op, String owner, String callee, String calleeDesc, boolean itf) {
                                if (callee.startsWith("value_") && callee.endsWith("$shared")) {
                                    shared[0]++;
                                } else if (callee.startsWith("value_")) {
                                    allocating.add(name + " calls " + callee);
                                }
                            }
                        };
                    }
                }, ClassReader.SKIP_DEBUG);
            }
        }
        assertEquals(List.of(), allocating);
        assertTrue(shared[0] > 100, "the split module's outlined regions return through the shared array: " + shared[0]);
        // and the helpers take the array from PagedMemory
        boolean fromPagedMemory;
        try (InputStream in = PagedMemory.class.getResourceAsStream(machine + ".class")) {
            boolean[] found = new boolean[1];
            new ClassReader(in.readAllBytes()).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    return !name.endsWith("$shared") ? null : new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int op, String owner, String callee, String calleeDesc, boolean itf) {
                            found[0] |= owner.equals("io/github/mqjssandbox/internal/wasm/SandboxMemory") && callee.equals("sharedResults");
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
            fromPagedMemory = found[0];
        }
        assertTrue(fromPagedMemory);
    }

    @org.junit.jupiter.api.Test
    void oneArrayPerMemoryAndANewOneForAnyOtherMemory() {
        PagedMemory one = new PagedMemory(new com.dylibso.chicory.wasm.types.MemoryLimits(1, 1));
        PagedMemory two = new PagedMemory(new com.dylibso.chicory.wasm.types.MemoryLimits(1, 1));
        assertTrue(SandboxMemory.sharedResults(one) == SandboxMemory.sharedResults(one));
        assertTrue(SandboxMemory.sharedResults(one) != SandboxMemory.sharedResults(two));
        long[] a = SandboxMemory.sharedResults(null);
        long[] b = SandboxMemory.sharedResults(null);
        assertTrue(a != b && a.length == SandboxMemory.MAX_SHARED_RESULTS);
    }
}
