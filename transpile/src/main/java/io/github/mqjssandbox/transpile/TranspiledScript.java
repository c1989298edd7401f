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
    private final String code;
    private final String sourceMap;
    /** Parsed on the first lookup: most scripts never fail, and a map is several times the code's size. */
    private volatile SourceMapConsumerV3 consumer;

    TranspiledScript(String code, String sourceMap) {
        this.code = code;
        this.sourceMap = sourceMap;
    }

    /** The ES5 strict code, runtime helpers of the compiler included, for {@code Sandbox.eval}. */
    public String code() {
        return code;
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
