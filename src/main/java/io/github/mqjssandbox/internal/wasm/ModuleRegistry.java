package io.github.mqjssandbox.internal.wasm;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.github.mqjssandbox.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Parses and compiles mquickjs.wasm at most once per JVM and engine; every sandbox then
 * only pays for its own instance. Holders make each engine load lazily and thread-safely.
 */
final class ModuleRegistry {
    static final String WASM_RESOURCE = "/mquickjs.wasm";
    /**
     * For benchmarks and build tools only: a path to another build of the module (for example
     * an unsplit one) for the compiler and interpreter engines. The AOT engine ignores it.
     */
    static final String MODULE_OVERRIDE_PROPERTY = "mquickjs.sandbox.module";

    private ModuleRegistry() {}

    static LoadedModule get(Engine engine) {
        switch (engine) {
            case AOT:
                return AotHolder.MODULE;
            case COMPILER:
                return CompilerHolder.MODULE;
            case INTERPRETER:
                return InterpreterHolder.MODULE;
            default:
                throw new IllegalArgumentException("unknown engine " + engine);
        }
    }

    /** The plain module as shipped in the jar, parsed. */
    static WasmModule parseShippedModule() {
        String override = System.getProperty(MODULE_OVERRIDE_PROPERTY);
        if (override != null) {
            return Parser.parse(Path.of(override));
        }
        try (InputStream in = ModuleRegistry.class.getResourceAsStream(WASM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        WASM_RESOURCE + " is missing from the class path (build it with make -C wasm)");
            }
            return Parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class AotHolder {
        static final LoadedModule MODULE = new LoadedModule(MquickjsAot.load(), MquickjsAot::create);
    }

    private static final class CompilerHolder {
        static final LoadedModule MODULE = compile();

        private static LoadedModule compile() {
            WasmModule module = InterpreterHolder.MODULE.module();
            return new LoadedModule(module, MachineFactoryCompiler.compile(module));
        }
    }

    private static final class InterpreterHolder {
        static final LoadedModule MODULE =
                new LoadedModule(parseShippedModule(), GuardedInterpreterMachine::new);
    }
}
