package io.github.mqjssandbox.transpile;

import io.github.mqjssandbox.EvalResult;
import io.github.mqjssandbox.JsException;
import java.util.Objects;

/**
 * Turns modern JavaScript (ES2015 and later) into the ES5 strict code the sandbox runs, with the
 * Closure Compiler, on the host. Thread-safe; make one per process (like a {@code SandboxConfig})
 * so that its cache serves every sandbox.
 *
 * <pre>{@code
 * Transpiler transpiler = Transpiler.create(TranspileOptions.forSandbox(config));
 * TranspiledScript script = transpiler.transpile("const twice = (x) => x * 2; twice(21)");
 * sandbox.eval(script.code()).value(); // 42
 * }</pre>
 *
 * <p>The source is untrusted: it is refused before parsing when over
 * {@link TranspileOptions#maxSourceBytes()} or nested deeper than
 * {@link TranspileOptions#maxNestingDepth()}, and compiled on a thread of its own with a bounded
 * stack and a {@linkplain TranspileOptions#timeout() deadline}. Every refusal is a
 * {@link TranspileException}; nothing else escapes, a {@link StackOverflowError} included.
 */
public final class Transpiler {
    /** Stack per nesting level the compiler may need (measured: 3 to 8 KiB), with margin. */
    private static final long STACK_BYTES_PER_LEVEL = 16 << 10;
    private static final long MIN_STACK_BYTES = 16 << 20;

    private final TranspileOptions options;
    private final TranspileCache cache;
    private final CompileThreads threads;

    private Transpiler(TranspileOptions options) {
        this.options = options;
        this.cache = new TranspileCache(options.cacheEntries(), options.cacheChars());
        this.threads = new CompileThreads(options.maxConcurrentCompiles(),
                Math.max(MIN_STACK_BYTES, options.maxNestingDepth() * STACK_BYTES_PER_LEVEL));
    }

    /** A transpiler with the default options. */
    public static Transpiler create() {
        return new Transpiler(TranspileOptions.defaults());
    }

    public static Transpiler create(TranspileOptions options) {
        return new Transpiler(Objects.requireNonNull(options, "options"));
    }

    public TranspileOptions options() {
        return options;
    }

    /**
     * The ES5 form of {@code source}, from the cache when the same source was transpiled before.
     *
     * @throws TranspileException when the source is too large, too deeply nested, invalid, has a
     *     feature with no ES5 form, or the compiler misses its deadline
     */
    public TranspiledScript transpile(String source) {
        Objects.requireNonNull(source, "source");
        long bytes = Utf8.length(source);
        if (bytes > options.maxSourceBytes()) {
            throw new TranspileException(TranspileException.Problem.SOURCE_TOO_LARGE,
                    "the source is " + bytes + " bytes, over the limit of " + options.maxSourceBytes() + " bytes");
        }
        String key = TranspileCache.keyOf(source);
        TranspiledScript cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        checkNesting(source);
        ClosureCompilation.Output output = threads.run(() -> ClosureCompilation.compile(source, options.polyfills()), options.timeout());
        String code = EngineShims.addTo(output.code());
        if (code.length() > options.maxSourceBytes()) { // the compiler writes ASCII: a char is a byte
            throw new TranspileException(TranspileException.Problem.OUTPUT_TOO_LARGE, "the ES5 code is " + code.length()
                    + " bytes, over the limit of " + options.maxSourceBytes() + " bytes");
        }
        TranspiledScript script = new TranspiledScript(code, EngineShims.shiftMap(output.code(), output.sourceMap()),
                output.promiseJobs());
        cache.put(key, script);
        return script;
    }

    /**
     * Anything that evaluates a script under a file name: {@code sandbox::eval}, or the
     * {@code eval} of a {@code SandboxPool.Lease}.
     */
    @FunctionalInterface
    public interface Evaluator {
        EvalResult eval(String code, String fileName);
    }

    /**
     * Transpiles {@code code} and evaluates it with {@code evaluator}, mapping its JS errors back to
     * the code as written: for sandboxes this object does not wrap, such as a pool's leases. When
     * the script queues Promise jobs, they run next, in a second evaluation
     * ({@link TranspiledScript#RUN_PROMISE_JOBS}); the result is the script's, taken before them.
     *
     * <pre>{@code
     * try (SandboxPool.Lease lease = pool.borrow(Duration.ofMillis(50))) {
     *     return transpiler.eval(lease::eval, code, "job.js").value();
     * }
     * }</pre>
     *
     * @throws TranspileException when the code does not transpile (nothing ran)
     * @throws TranspiledScriptException when it throws, positions mapped to the code as written
     */
    public EvalResult eval(Evaluator evaluator, String code, String fileName) {
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(fileName, "fileName");
        TranspiledScript script = transpile(code);
        EvalResult result;
        try {
            result = evaluator.eval(script.code(), fileName);
        } catch (JsException e) {
            throw ErrorPositions.map(e, fileName, name -> name.equals(fileName) ? script : null);
        }
        if (script.queuesPromiseJobs()) {
            try {
                evaluator.eval(TranspiledScript.RUN_PROMISE_JOBS, PromiseJobs.FILE_NAME);
            } catch (JsException e) {
                throw ErrorPositions.map(e, PromiseJobs.FILE_NAME, name -> name.equals(fileName) ? script : null);
            }
        }
        return result;
    }

    /** The cache's size and hit counts. */
    public CacheStats cacheStats() {
        return cache.stats();
    }

    private void checkNesting(String source) {
        NestingScan.Finding tooDeep = NestingScan.firstTooDeep(source, options.maxNestingDepth());
        if (tooDeep != null) {
            SourcePosition at = SourcePosition.ofIndex(source, tooDeep.index());
            String what = tooDeep.shape() == NestingScan.Shape.BRACKETS
                    ? "brackets nested deeper than " + options.maxNestingDepth() + " levels"
                    : "more than " + options.maxNestingDepth() + " member accesses, calls or indexes chained in one expression";
            throw new TranspileException(TranspileException.Problem.NESTING_TOO_DEEP, what,
                    at.line(), at.column(), null);
        }
    }
}
