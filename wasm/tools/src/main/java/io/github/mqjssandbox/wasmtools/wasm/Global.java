package io.github.mqjssandbox.wasmtools.wasm;

import java.util.List;

/**
 * A global defined by the module. {@code init} is the constant initializer expression without
 * its terminating {@code end} (the writer adds it), e.g. {@code List.of(Instruction.i64Const(0))}.
 */
public record Global(GlobalType type, List<Instruction> init) {
    public Global {
        if (type == null) {
            throw new IllegalArgumentException("global type is required");
        }
        init = List.copyOf(init);
    }

    static Global read(ByteReader in) {
        GlobalType type = GlobalType.read(in);
        return new Global(type, InstructionReader.readExpression(in));
    }

    void write(ByteWriter out) {
        type.write(out);
        InstructionWriter.writeExpression(out, init);
    }
}
