package io.github.mqjssandbox.wasmtools.fuel;

import io.github.mqjssandbox.wasmtools.wasm.Opcode;

/**
 * The fuel cost model. Every original instruction of a defined function has a static cost,
 * charged once per execution of the region that contains it (see {@link FuelMeter} for the
 * region boundaries). Instructions inserted by the metering itself cost nothing.
 *
 * <table>
 *   <caption>Static cost per instruction</caption>
 *   <tr><th>instruction</th><th>units</th></tr>
 *   <tr><td>every instruction not listed below, including block, loop, if, else, end, br,
 *       br_if, br_table, return, nop, unreachable</td><td>1</td></tr>
 *   <tr><td>call, return_call</td><td>2</td></tr>
 *   <tr><td>call_indirect, return_call_indirect</td><td>3</td></tr>
 *   <tr><td>memory.grow, table.grow</td><td>64</td></tr>
 *   <tr><td>memory.copy, memory.fill, memory.init, table.copy, table.fill, table.init</td>
 *       <td>4 + n / 64 (n = the length operand, an unsigned i32, so at most 2^26 extra)</td></tr>
 * </table>
 *
 * <p>The {@code n / 64} part of the bulk operations is dynamic: it is computed from the
 * operand right before the instruction executes (the operand value is part of the program's
 * deterministic state, so the charge is deterministic too). It is charged even if the
 * instruction then traps with an out-of-bounds access.
 */
public final class FuelCosts {
    /** Divisor of the dynamic part of bulk memory/table operations: 1 unit per 64 bytes. */
    public static final int BULK_BYTES_PER_UNIT = 64;
    /** log2 of {@link #BULK_BYTES_PER_UNIT}, the shift the inserted code uses. */
    static final int BULK_SHIFT = 6;

    private FuelCosts() {
    }

    /** Static cost of one instruction. */
    public static int staticCost(Opcode op) {
        switch (op) {
            case CALL:
            case RETURN_CALL:
                return 2;
            case CALL_INDIRECT:
            case RETURN_CALL_INDIRECT:
                return 3;
            case MEMORY_GROW:
            case TABLE_GROW:
                return 64;
            default:
                return hasLengthCost(op) ? 4 : 1;
        }
    }

    /** Whether the instruction also pays {@code n / 64} for its top-of-stack i32 length. */
    public static boolean hasLengthCost(Opcode op) {
        switch (op) {
            case MEMORY_COPY:
            case MEMORY_FILL:
            case MEMORY_INIT:
            case TABLE_COPY:
            case TABLE_FILL:
            case TABLE_INIT:
                return true;
            default:
                return false;
        }
    }
}
