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
 * Parses and compiles the engine's modules at most once per JVM, engine and variant (plain,
 * or fuel-metered); every sandbox then only pays for its own instance. Holders make each
 * combination load lazily and thread-safely.
 */
final class ModuleRegistry {
    static final String WASM_RESOURCE = "/mquickjs.wasm";
    static final String METERED_WASM_RESOURCE = "/mquickjs-metered.wasm";
    /**
     * For benchmarks and build tools only: paths to other builds of the modules (for example
     * unsplit ones) for the compiler and interpreter engines. The AOT engine ignores them.
     */
    static final String MODULE_OVERRIDE_PROPERTY = "mquickjs.sandbox.module";
    static final String METERED_MODULE_OVERRIDE_PROPERTY = "mquickjs.sandbox.metered-module";

    private ModuleRegistry() {}

    static LoadedModule get(Engine engine, boolean metered) {
        switch (engine) {
            case AOT:
                return metered ? MeteredAotHolder.MODULE : AotHolder.MODULE;
            case COMPILER:
                requireCompiler();
                return metered ? MeteredCompilerHolder.MODULE : CompilerHolder.MODULE;
            case INTERPRETER:
                return metered ? MeteredInterpreterHolder.MODULE : InterpreterHolder.MODULE;
            default:
                throw new IllegalArgumentException("unknown engine " + engine);
        }
    }

    static final String COMPILER_CLASS = "com.dylibso.chicory.compiler.MachineFactoryCompiler";

    /** Chicory's run-time compiler is an optional dependency: say so plainly when it is missing. */
    private static void requireCompiler() {
        try {
            Class.forName(COMPILER_CLASS, false, ModuleRegistry.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException("Engine.COMPILER needs Chicory's run-time compiler on the class path"
                    + " (com.dylibso.chicory:compiler, an optional dependency of this library); Engine.AOT needs nothing more");
        }
    }

    /** The plain module as shipped in the jar, parsed. */
    static WasmModule parseShippedModule() {
        return parse(WASM_RESOURCE, MODULE_OVERRIDE_PROPERTY);
    }

    static WasmModule parseShippedMeteredModule() {
        return parse(METERED_WASM_RESOURCE, METERED_MODULE_OVERRIDE_PROPERTY);
    }

    private static WasmModule parse(String resource, String overrideProperty) {
        String override = System.getProperty(overrideProperty);
        if (override != null) {
            return Parser.parse(Path.of(override));
        }
        try (InputStream in = ModuleRegistry.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path (build it with make -C wasm)");
            }
            return Parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class AotHolder {
        static final LoadedModule MODULE = new LoadedModule(aotMeta("MquickjsAot.meta"), MquickjsAot::create);

        static {
            plainAot = MODULE;
        }
    }

    /** The AOT engine's plain module once it is loaded: known without loading it. */
    private static volatile LoadedModule plainAot;

    /** Whether {@code loaded} is the AOT engine's plain module (never loads it to find out). */
    static boolean isPlainAot(LoadedModule loaded) {
        return loaded != null && loaded == plainAot;
    }

    private static final class MeteredAotHolder {
        static final LoadedModule MODULE = new LoadedModule(aotMeta("MquickjsMeteredAot.meta"), MquickjsMeteredAot::create);
    }

    /**
     * The description of an AOT-compiled module that Chicory's build-time compiler stored beside
     * its classes, parsed without validating it again: it is our own build output, validated when
     * it was compiled, and validation is a fifth of a cold start's parse.
     */
    private static WasmModule aotMeta(String resource) {
        return Parser.builder().withValidation(false).build().parse(() -> {
            InputStream in = ModuleRegistry.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return in;
        });
    }

    private static final class InterpreterHolder {
        static final LoadedModule MODULE = new LoadedModule(parseShippedModule(), GuardedInterpreterMachine::new);
    }

    private static final class MeteredInterpreterHolder {
        static final LoadedModule MODULE = new LoadedModule(parseShippedMeteredModule(), GuardedInterpreterMachine::new);
    }

    private static final class CompilerHolder {
        static final LoadedModule MODULE = compiled(InterpreterHolder.MODULE.module());
    }

    private static final class MeteredCompilerHolder {
        static final LoadedModule MODULE = compiled(MeteredInterpreterHolder.MODULE.module());
    }

    private static LoadedModule compiled(WasmModule module) {
        return new LoadedModule(module, MachineFactoryCompiler.compile(module));
    }
}
