package io.github.mqjssandbox.wasmtools.wasm;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Nesting of block/loop/if in a balanced instruction list (a function body without its final
 * end): which end and else belong to which opener, and where a branch lands. Rewriters need
 * this to find basic-block boundaries and to check that a region does not branch outside.
 * Indices are positions in the list; -1 stands for the function's implicit outer block.
 */
public final class BlockStructure {
    private final List<Instruction> instructions;
    /** For an opener: index of its end. For an end or else: index of its opener. */
    private final int[] partner;
    /** For an if: index of its else, or -1. */
    private final int[] elseOf;
    /** Innermost opener whose body contains the instruction (the opener itself excluded). */
    private final int[] enclosing;

    private BlockStructure(List<Instruction> instructions) {
        this.instructions = List.copyOf(instructions);
        int n = instructions.size();
        partner = new int[n];
        elseOf = new int[n];
        enclosing = new int[n];
        Arrays.fill(partner, -1);
        Arrays.fill(elseOf, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            Opcode op = instructions.get(i).opcode();
            if (op == Opcode.END || op == Opcode.ELSE) {
                if (open.isEmpty()) {
                    throw new IllegalArgumentException("unbalanced " + op.mnemonic() + " at instruction " + i);
                }
                int opener = open.peek();
                partner[i] = opener;
                if (op == Opcode.ELSE) {
                    if (instructions.get(opener).opcode() != Opcode.IF || elseOf[opener] >= 0) {
                        throw new IllegalArgumentException("else without if at instruction " + i);
                    }
                    elseOf[opener] = i;
                } else {
                    open.pop();
                    partner[opener] = i;
                }
            }
            // An end/else belongs to its opener's body; an opener sits in its parent's body.
            enclosing[i] = open.isEmpty() ? -1 : open.peek();
            if (op == Opcode.END) {
                enclosing[i] = partner[i];
            }
            if (op.opensBlock()) {
                open.push(i);
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException(open.size() + " block(s) not closed");
        }
    }

    /** Analyzes a balanced list; throws IllegalArgumentException if it is not balanced. */
    public static BlockStructure of(List<Instruction> instructions) {
        return new BlockStructure(instructions);
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    /** Index of the end that closes the block, loop or if at {@code opener}. */
    public int endOf(int opener) {
        requireOpener(opener);
        return partner[opener];
    }

    /** Index of the else of the if at {@code opener}, or -1 if it has none. */
    public int elseOf(int opener) {
        requireOpener(opener);
        return elseOf[opener];
    }

    /** Index of the opener closed by the end (or continued by the else) at {@code index}. */
    public int openerOf(int index) {
        Opcode op = instructions.get(index).opcode();
        if (op != Opcode.END && op != Opcode.ELSE) {
            throw new IllegalArgumentException("instruction " + index + " is not end or else");
        }
        return partner[index];
    }

    /** Innermost opener containing {@code index}, or -1 at function level. */
    public int enclosingBlock(int index) {
        return enclosing[index];
    }

    /** Number of openers around {@code index}: 0 at function level. */
    public int depth(int index) {
        int d = 0;
        for (int b = enclosing[index]; b >= 0; b = enclosing[b]) {
            d++;
        }
        return d;
    }

    /**
     * Opener targeted by a branch at {@code index} with relative label {@code label}, or -1
     * when the branch leaves the function (acts like return). A branch to a loop jumps to the
     * loop's start; to a block or if, past its end.
     */
    public int branchTarget(int index, int label) {
        int b = enclosing[index];
        for (int i = 0; i < label; i++) {
            if (b < 0) {
                throw new IllegalArgumentException("label " + label + " too deep at instruction " + index);
            }
            b = enclosing[b];
        }
        return b;
    }

    private void requireOpener(int index) {
        if (!instructions.get(index).opcode().opensBlock()) {
            throw new IllegalArgumentException("instruction " + index + " is not block, loop or if");
        }
    }
}
