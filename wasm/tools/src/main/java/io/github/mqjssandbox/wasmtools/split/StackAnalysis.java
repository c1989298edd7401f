package io.github.mqjssandbox.wasmtools.split;

import io.github.mqjssandbox.wasmtools.wasm.FuncType;
import io.github.mqjssandbox.wasmtools.wasm.Instruction;
import io.github.mqjssandbox.wasmtools.wasm.Opcode;
import io.github.mqjssandbox.wasmtools.wasm.WasmModule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Operand-stack heights of a function body, following the validation algorithm of the spec:
 * every control frame has its own stack, and after an unconditional branch the rest of the
 * frame is unreachable (stack-polymorphic). A point p (just before instruction p; p == size is
 * the function's end) is a <em>boundary</em> when code there is reachable with an empty frame
 * stack, or when it is the end of a frame body in unreachable state. Any run of instructions
 * between two boundaries of the same body is balanced and stack-neutral, so it can be moved
 * into another function.
 */
final class StackAnalysis {
    /** Height of the frame's own stack before instruction p, or -1 where unreachable. */
    final int[] height;
    /** Body (frame) each point belongs to; 0 is the function body. */
    final int[] bodyOf;
    final boolean[] boundary;
    /** Boundary points of each body, ascending. */
    final List<List<Integer>> bodyBoundaries = new ArrayList<>();

    private static final class Frame {
        final int body;
        final int params;
        final int results;
        int h;
        boolean unreachable;

        Frame(int body, int params, int results) {
            this.body = body;
            this.params = params;
            this.results = results;
            this.h = params;
        }
    }

    StackAnalysis(WasmModule module, FuncType type, List<Instruction> code) {
        int n = code.size();
        height = new int[n + 1];
        bodyOf = new int[n + 1];
        boundary = new boolean[n + 1];
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(new Frame(newBody(), 0, type.results().size()));
        for (int i = 0; i <= n; i++) {
            Frame f = frames.peek();
            bodyOf[i] = f.body;
            height[i] = f.unreachable ? -1 : f.h;
            Opcode op = i < n ? code.get(i).opcode() : Opcode.END;
            boolean bodyEnd = i == n || op == Opcode.END || op == Opcode.ELSE;
            boundary[i] = (!f.unreachable && f.h == 0) || (bodyEnd && f.unreachable);
            if (boundary[i]) {
                bodyBoundaries.get(f.body).add(i);
            }
            if (i == n) {
                break;
            }
            Instruction insn = code.get(i);
            switch (op) {
                case BLOCK:
                case LOOP:
                case IF: {
                    FuncType bt = ((Instruction.Block) insn).type().resolve(module.types());
                    pop(f, bt.params().size() + (op == Opcode.IF ? 1 : 0));
                    frames.push(new Frame(newBody(), bt.params().size(), bt.results().size()));
                    break;
                }
                case ELSE: {
                    Frame g = new Frame(newBody(), f.params, f.results);
                    frames.pop();
                    frames.push(g);
                    break;
                }
                case END: {
                    frames.pop();
                    frames.peek().h += f.results;
                    break;
                }
                case BR:
                case RETURN:
                case UNREACHABLE:
                case RETURN_CALL:
                case RETURN_CALL_INDIRECT:
                    f.h = 0;
                    f.unreachable = true;
                    break;
                case BR_TABLE:
                    f.h = 0;
                    f.unreachable = true;
                    break;
                case BR_IF:
                    pop(f, 1);
                    break;
                default: {
                    int[] e = StackEffects.of(insn, module);
                    pop(f, e[0]);
                    f.h += e[1];
                }
            }
        }
    }

    private int newBody() {
        bodyBoundaries.add(new ArrayList<>());
        return bodyBoundaries.size() - 1;
    }

    private static void pop(Frame f, int k) {
        f.h -= k;
        if (f.h < 0) {
            if (!f.unreachable) {
                throw new IllegalArgumentException("operand stack underflow");
            }
            f.h = 0;
        }
    }
}
