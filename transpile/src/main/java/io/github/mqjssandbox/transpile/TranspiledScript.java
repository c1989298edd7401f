package io.github.mqjssandbox.transpile;

import com.google.debugging.sourcemap.SourceMapConsumerV3;
import com.google.debugging.sourcemap.SourceMapParseException;
import com.google.debugging.sourcemap.proto.Mapping.OriginalMapping;
import java.util.Optional;

/**
 * A source transpiled to ES5: the code the sandbox runs and the source map back to the source.
 * Immutable and shared (the cache hands the same one to every caller of the same source).
 */
public final class TranspiledScript {
    /**
     * The script that runs the Promise jobs queued so far, and the jobs they queue: evaluate it in
     * the sandbox after a script that {@linkplain #queuesPromiseJobs() queues them}, as an event
     * loop runs them once a script has returned. {@link TranspilingSandbox} and
     * {@link Transpiler#eval(Transpiler.Evaluator, String, String)} do it themselves.
     */
    public static final String RUN_PROMISE_JOBS = PromiseJobs.RUN;

    private final String code;
    private final String sourceMap;
    private final boolean promiseJobs;
    /** Parsed on the first lookup: most scripts never fail, and a map is several times the code's size. */
    private volatile SourceMapConsumerV3 consumer;

    TranspiledScript(String code, String sourceMap, boolean promiseJobs) {
        this.code = code;
        this.sourceMap = sourceMap;
        this.promiseJobs = promiseJobs;
    }

    /** The ES5 strict code, runtime helpers of the compiler included, for {@code Sandbox.eval}. */
    public String code() {
        return code;
    }

    /**
     * True when the code brings the Promise polyfill, whose jobs ({@code then} callbacks, the rest
     * of an {@code async} function after an {@code await}) wait in a queue until
     * {@link #RUN_PROMISE_JOBS} runs them: the sandbox has no event loop.
     */
    public boolean queuesPromiseJobs() {
        return promiseJobs;
    }

    /** The source map (version 3 JSON) from positions in {@link #code()} to positions in the source. */
    public String sourceMap() {
        return sourceMap;
    }

    /**
     * Where a 1-based position in {@link #code()} came from in the source: the nearest mapped
     * position at or before it. Empty for code the compiler added (its runtime helpers).
     */
    public Optional<SourcePosition> originalPosition(int line, int column) {
        if (line < 1 || column < 1) {
            return Optional.empty();
        }
        OriginalMapping mapping = consumer().getMappingForLine(line, column);
        if (mapping == null || !ClosureCompilation.SOURCE_NAME.equals(mapping.getOriginalFile())
                || mapping.getLineNumber() < 1 || mapping.getColumnPosition() < 1) {
            return Optional.empty();
        }
        return Optional.of(new SourcePosition(mapping.getLineNumber(), mapping.getColumnPosition()));
    }

    private SourceMapConsumerV3 consumer() {
        SourceMapConsumerV3 parsed = consumer;
        if (parsed == null) {
            parsed = new SourceMapConsumerV3();
            try {
                parsed.parse(sourceMap);
            } catch (SourceMapParseException e) {
                throw new IllegalStateException("the compiler wrote a source map it cannot read: " + e.getMessage(), e);
            }
            consumer = parsed;
        }
        return parsed;
    }
}
