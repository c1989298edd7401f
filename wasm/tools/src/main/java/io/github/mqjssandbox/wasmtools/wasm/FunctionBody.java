package io.github.mqjssandbox.wasmtools.wasm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Locals and code of one defined function. Immutable: the {@code with...} methods return new
 * bodies. A body parsed from a module remembers its original bytes and is written back
 * verbatim until it is changed; its instructions are decoded lazily on first access, so
 * untouched functions cost nothing. Changing only the locals keeps the original code bytes.
 */
public final class FunctionBody {
    private final List<LocalGroup> locals;
    /** Original locals + code bytes, copied verbatim on output; null once anything changed. */
    private final byte[] originalBody;
    /** Original code bytes including the final end; null once the instructions changed. */
    private final byte[] originalCode;
    /** Module file offset of originalCode, so lazy decoding reports real offsets. */
    private final long codeOffset;
    private volatile List<Instruction> instructions;

    private FunctionBody(List<LocalGroup> locals, byte[] originalBody, byte[] originalCode,
            long codeOffset, List<Instruction> instructions) {
        this.locals = List.copyOf(locals);
        this.originalBody = originalBody;
        this.originalCode = originalCode;
        this.codeOffset = codeOffset;
        this.instructions = instructions == null ? null : List.copyOf(instructions);
        checkLocalCount(this.locals);
    }

    /**
     * A new body. {@code instructions} excludes the final {@code end} of the function and must
     * be balanced; the writer appends that end.
     */
    public static FunctionBody of(List<LocalGroup> locals, List<Instruction> instructions) {
        if (instructions == null) {
            throw new IllegalArgumentException("instructions are required");
        }
        return new FunctionBody(locals, null, null, 0, instructions);
    }

    /** Parses the locals of a code entry; {@code fileOffset} is where {@code content} starts. */
    static FunctionBody parse(byte[] content, long fileOffset) {
        ByteReader in = new ByteReader(content, 0, content.length, fileOffset);
        int groups = in.readIndex();
        if (groups > in.remaining()) {
            throw in.error("local group count " + groups + " exceeds body size");
        }
        List<LocalGroup> locals = new ArrayList<>(groups);
        long total = 0;
        for (int i = 0; i < groups; i++) {
            long at = in.offset();
            int count = in.readIndex();
            total += count;
            if (total > Integer.MAX_VALUE) {
                throw new WasmFormatException("too many locals", at);
            }
            locals.add(new LocalGroup(count, ValType.read(in)));
        }
        if (!in.hasMore()) {
            throw in.error("function body has no code");
        }
        int codeStart = in.position();
        byte[] code = Arrays.copyOfRange(content, codeStart, content.length);
        return new FunctionBody(locals, content, code, fileOffset + codeStart, null);
    }

    public List<LocalGroup> locals() {
        return locals;
    }

    /** Number of declared locals (parameters not included). */
    public int localCount() {
        int n = 0;
        for (LocalGroup g : locals) {
            n += g.count();
        }
        return n;
    }

    /** Type of declared local {@code i}, counted from the first non-parameter local. */
    public ValType localType(int i) {
        int remaining = i;
        for (LocalGroup g : locals) {
            if (remaining < g.count()) {
                return g.type();
            }
            remaining -= g.count();
        }
        throw new IndexOutOfBoundsException("local " + i + " of " + localCount());
    }

    /** Decoded instructions without the function's final end; decoded on first call. */
    public List<Instruction> instructions() {
        List<Instruction> result = instructions;
        if (result == null) {
            result = decode();
            instructions = result;
        }
        return result;
    }

    private List<Instruction> decode() {
        ByteReader in = new ByteReader(originalCode, 0, originalCode.length, codeOffset);
        List<Instruction> decoded = InstructionReader.readExpression(in);
        if (in.hasMore()) {
            throw in.error("trailing bytes after end of function body");
        }
        return List.copyOf(decoded);
    }

    /** True while the body is byte-for-byte the one read from the module. */
    public boolean isOriginal() {
        return originalBody != null;
    }

    public FunctionBody withInstructions(List<Instruction> newInstructions) {
        return of(locals, newInstructions);
    }

    /** Replaces the local declarations; the code keeps its original bytes if it had them. */
    public FunctionBody withLocals(List<LocalGroup> newLocals) {
        return new FunctionBody(newLocals, null, originalCode, codeOffset, instructions);
    }

    /** Appends {@code count} locals of {@code type} after the existing ones. */
    public FunctionBody withAppendedLocals(ValType type, int count) {
        List<LocalGroup> grown = new ArrayList<>(locals);
        int last = grown.size() - 1;
        if (last >= 0 && grown.get(last).type() == type) {
            grown.set(last, new LocalGroup(grown.get(last).count() + count, type));
        } else {
            grown.add(new LocalGroup(count, type));
        }
        return withLocals(grown);
    }

    /** Same content, but forgets the original bytes so the writer re-encodes everything. */
    public FunctionBody decoded() {
        return new FunctionBody(locals, null, null, 0, instructions());
    }

    /** Binary content of the code entry (locals and code, without the size prefix). */
    public byte[] encode() {
        if (originalBody != null) {
            return originalBody.clone();
        }
        ByteWriter out = new ByteWriter();
        out.writeU32(locals.size());
        for (LocalGroup g : locals) {
            out.writeU32(g.count());
            out.writeByte(g.type().code());
        }
        if (originalCode != null) {
            out.writeBytes(originalCode);
        } else {
            InstructionWriter.writeExpression(out, instructions);
        }
        return out.toByteArray();
    }

    /** Size in bytes of the encoded body, without its size prefix. */
    public int byteSize() {
        return originalBody != null ? originalBody.length : encode().length;
    }

    private static void checkLocalCount(List<LocalGroup> locals) {
        long total = 0;
        for (LocalGroup g : locals) {
            total += g.count();
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many locals: " + total);
        }
    }
}
