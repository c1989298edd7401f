package io.github.mqjssandbox.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped module's imports are an exact allowlist and its exports what the host needs. */
class ModuleContractTest {
    private static final WasmModule MODULE = ModuleRegistry.parseShippedModule();

    private static final Set<String> ALLOWED_NON_INVOKE_IMPORTS = Set.of(
            "env._emscripten_throw_longjmp",
            "env.host_write",
            "env.host_poll_interrupt",
            "env.host_now_ms",
            "env.host_call",
            "env.host_take_result",
            "env.setTempRet0",
            "env.getTempRet0");

    /** The invoke_* trampolines this build of the engine needs (one per call signature under setjmp). */
    private static final Set<String> EXPECTED_INVOKES = Set.of(
            "env.invoke_iii", "env.invoke_iiii", "env.invoke_iiiii",
            "env.invoke_vi", "env.invoke_vii", "env.invoke_viii", "env.invoke_viiiii", "env.invoke_viiiiii");

    private static final Pattern INVOKE = Pattern.compile("env\\.invoke_[vijfd][ijfd]*");

    @Test
    void importsAreExactlyTheAllowlist() {
        Set<String> imports = new TreeSet<>();
        for (int i = 0; i < MODULE.importSection().importCount(); i++) {
            Import imported = MODULE.importSection().getImport(i);
            assertEquals(ExternalType.FUNCTION, imported.importType(), "only functions are imported: " + imported);
            imports.add(imported.module() + "." + imported.name());
        }
        Set<String> expected = new TreeSet<>(ALLOWED_NON_INVOKE_IMPORTS);
        expected.addAll(EXPECTED_INVOKES);
        assertEquals(expected, imports);
        imports.stream().filter(name -> name.contains("invoke_")).forEach(name ->
                assertTrue(INVOKE.matcher(name).matches(), name));
    }

    @Test
    void noWasiImportAtAll() {
        for (int i = 0; i < MODULE.importSection().importCount(); i++) {
            assertEquals("env", MODULE.importSection().getImport(i).module());
        }
    }

    /** invoke_<r><p...>: r is the result ('v' for none), then one letter per argument after the table index. */
    @Test
    void invokeSignaturesMatchTheirNames() {
        for (int i = 0; i < MODULE.importSection().importCount(); i++) {
            Import imported = MODULE.importSection().getImport(i);
            if (!imported.name().startsWith("invoke_")) {
                continue;
            }
            String signature = imported.name().substring("invoke_".length());
            var type = MODULE.typeSection().getType(((FunctionImport) imported).typeIndex());
            assertEquals(ValType.I32, type.params().get(0), imported.name() + " takes the table index first");
            assertEquals(signature.length(), type.params().size(), imported.name());
            assertEquals(signature.charAt(0) == 'v', type.returns().isEmpty(), imported.name());
        }
    }

    @Test
    void exportsWhatTheHostCalls() {
        Set<String> exports = new TreeSet<>();
        for (int i = 0; i < MODULE.exportSection().exportCount(); i++) {
            Export export = MODULE.exportSection().getExport(i);
            exports.add(export.name());
        }
        for (String required : Set.of("sbx_create", "sbx_destroy", "sbx_set_random_seed", "sbx_alloc", "sbx_free",
                "sbx_eval", "sbx_call", "sbx_define_host_function", "sbx_slot_table", "sbx_memory_used", "sbx_prepare_snapshot",
                "setThrew", "stackSave", "stackRestore", "__indirect_function_table", "memory", "_initialize")) {
            assertTrue(exports.contains(required), "missing export " + required + " in " + exports);
        }
    }

    @Test
    void memoryIsGrowableButStartsSmall() {
        var limits = MODULE.memorySection().orElseThrow().getMemory(0).limits();
        assertEquals(16, limits.initialPages(), "1 MiB of static data and C stack");
    }
}
