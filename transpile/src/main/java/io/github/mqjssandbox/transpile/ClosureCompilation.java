package io.github.mqjssandbox.transpile;

import com.google.javascript.jscomp.BasicErrorManager;
import com.google.javascript.jscomp.CheckLevel;
import com.google.javascript.jscomp.CompilationLevel;
import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.CompilerOptions.LanguageMode;
import com.google.javascript.jscomp.CustomPassExecutionTime;
import com.google.javascript.jscomp.JSError;
import com.google.javascript.jscomp.Result;
import com.google.javascript.jscomp.SourceFile;
import java.io.IOException;
import java.util.List;

/**
 * One run of the Closure Compiler: ES2015+ source in, ES5 strict code and its source map out, or
 * a {@link TranspileException} for the first error. Runs on the calling thread (the caller
 * bounds its stack and time).
 *
 * <p>The level is WHITESPACE_ONLY, but with the compiler's full pass pipeline instead of its
 * transpile-only shortcut: only then does it inject the runtime helpers the ES5 code calls
 * ({@code $jscomp.makeIterator}, {@code $jscomp.inherits}…). SIMPLE would optimise, and its
 * dead-code removal drops a script's last expression statement, the value a sandbox returns;
 * it also renames locals, which error messages then show.
 *
 * <p>With polyfills on, the compiler injects those of the builtins a script uses that ES5 lacks
 * ({@code Map}, {@code Array.prototype.includes}…), each installed only where the builtin is
 * absent, and {@link EnginePolyfills} fits them to this engine. With them off, such builtins stay
 * absent, as in plain scripts.
 */
final class ClosureCompilation {
    /** The source's name inside the compiler and in the source map's {@code sources}. */
    static final String SOURCE_NAME = "source.js";
    private static final String OUTPUT_NAME = "transpiled.js";
    private static final String GENERATOR_RUNTIME = "$jscomp.generator.";
    private static final String SYMBOL_POLYFILL = "$jscomp.polyfill(\"Symbol\"";

    /**
     * The ES5 code, the source map (version 3 JSON) from its positions to the source's, and
     * whether the code queues Promise jobs for its host to run ({@link PromiseJobs}).
     */
    record Output(String code, String sourceMap, boolean promiseJobs) {}

    private ClosureCompilation() {}

    static Output compile(String source, boolean polyfills) {
        Output output = compile(source, polyfills, List.of());
        if (output.code().contains(GENERATOR_RUNTIME) && !output.code().contains(SYMBOL_POLYFILL)) {
            // Closure's generator runtime sets this[Symbol.iterator] and counts on the Symbol
            // polyfill, which it injects only when the source names Symbol itself
            output = compile(source, polyfills, List.of("es6/symbol"));
        }
        return output;
    }

    private static Output compile(String source, boolean polyfills, List<String> forcedLibraries) {
        com.google.javascript.jscomp.Compiler compiler = new com.google.javascript.jscomp.Compiler();
        compiler.disableThreads(); // the caller's thread, with the stack it chose
        compiler.setErrorManager(new Collected());
        CompilerOptions options = options(polyfills);
        options.setForceLibraryInjection(forcedLibraries);
        options.addCustomPass(CustomPassExecutionTime.BEFORE_CHECKS, new UniqueCatchNames(compiler));
        EnginePolyfills engine = new EnginePolyfills(compiler);
        if (polyfills) {
            // the polyfills are injected by then
            options.addCustomPass(CustomPassExecutionTime.AFTER_OPTIMIZATION_LOOP, engine);
        }
        Result result = compiler.compile(
                List.of(SourceFile.fromCode("no-externs.js", "")),
                List.of(SourceFile.fromCode(SOURCE_NAME, source)),
                options);
        if (!result.success || !result.errors.isEmpty()) {
            throw refusal(result.errors);
        }
        String code = compiler.toSource(); // printing the code is what fills the source map
        StringBuilder map = new StringBuilder();
        try {
            compiler.getSourceMap().appendTo(map, OUTPUT_NAME);
        } catch (IOException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
        return new Output(code, map.toString(), engine.promiseJobs());
    }

    private static CompilerOptions options(boolean polyfills) {
        CompilerOptions options = new CompilerOptions();
        CompilationLevel.WHITESPACE_ONLY.setOptionsForCompilationLevel(options);
        options.setSkipNonTranspilationPasses(false); // the pipeline that injects runtime helpers
        // UNSTABLE reads class fields and static blocks, which this release leaves out of ES_NEXT
        options.setLanguageIn(LanguageMode.UNSTABLE);
        options.setLanguageOut(LanguageMode.ECMASCRIPT5_STRICT);
        options.setRewritePolyfills(polyfills);
        // the engine is ES5: without this, $jscomp.defineProperty, seeing no Object.defineProperties,
        // falls back to ES3 and will not define a method on Array.prototype or Object.prototype
        options.setDefineToBooleanLiteral("$jscomp.ASSUME_ES5", true);
        options.setSourceMapOutputPath(OUTPUT_NAME + ".map"); // any path: it turns the source map on
        return options;
    }

    private static TranspileException refusal(List<JSError> errors) {
        if (errors.isEmpty()) {
            return new TranspileException(TranspileException.Problem.INTERNAL, "the compiler failed without an error");
        }
        JSError first = errors.get(0);
        String key = first.getType().key;
        TranspileException.Problem problem = switch (key) {
            case "JSC_PARSE_TREE_TOO_DEEP" -> TranspileException.Problem.NESTING_TOO_DEEP;
            case "JSC_UNTRANSPILABLE", "JSC_LANGUAGE_FEATURE" -> TranspileException.Problem.UNSUPPORTED;
            default -> TranspileException.Problem.SYNTAX;
        };
        boolean inSource = SOURCE_NAME.equals(first.getSourceName());
        int line = inSource ? Math.max(0, first.getLineno()) : 0;
        int column = inSource && line > 0 && first.getCharno() >= 0 ? first.getCharno() + 1 : 0;
        return new TranspileException(problem, first.getDescription(), line, line > 0 ? Math.max(1, column) : 0, null);
    }

    /** Keeps the diagnostics for {@link Result}; prints nothing (Closure's default logs them). */
    private static final class Collected extends BasicErrorManager {
        @Override
        public void println(CheckLevel level, JSError error) {}

        @Override
        protected void printSummary() {}
    }
}
