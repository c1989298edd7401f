/**
 * Function splitting for Chicory: HotSpot never JIT-compiles a method with more than 8000
 * bytes of bytecode (HugeMethodLimit), and Chicory's compiler emits one JVM method per wasm
 * function, so a big wasm function (an interpreter's dispatch loop) runs in the JVM's
 * bytecode interpreter forever.
 *
 * <pre>
 * wasm-tools split --in a.wasm --out b.wasm [--max-bytes 4000] [--max-exits 24]
 *                  [--transfer results|memory|globals] [--scratch-base 8] [--scratch-bytes 1016]
 * wasm-tools gate  --classes target/generated-resources/chicory-compiler [--max-bytes 8000]
 * </pre>
 *
 * <p>{@link io.github.mqjssandbox.wasmtools.split.Splitter} outlines regions of every function
 * whose encoded body is over {@code --max-bytes} into new functions (appended, so no index
 * changes) until every body fits. A region is a run of sibling instructions between two points
 * of one block body where the frame's operand stack is empty ({@code StackAnalysis}, which
 * follows the spec's validation algorithm incl. unreachable code); the case arms of a
 * {@code br_table} ladder are such regions. Candidates are taken largest first (at most
 * {@code --max-bytes} minus 10%); a candidate is skipped when a branch leaving it carries values
 * (except {@code return}), it contains {@code return_call*}, it has more than
 * {@code --max-exits} destinations, the new function would itself be over budget, or the call
 * site would not be smaller than the region.
 *
 * <p>Interface of an outlined region ({@code Liveness}: backward dataflow over the structured
 * CFG): parameters are the locals the region uses that are live at its start; results are
 * [exit code if there is more than one destination] + the locals it writes that are live at
 * one of its exits + the function's results if it contains a {@code return}. Branches to
 * enclosing labels and {@code return} become "set exit code, {@code br} out of the wrapper
 * block" (a {@code br_table} with outside targets gets trampoline blocks); the caller
 * re-dispatches with {@code br_if} / {@code br_table} and re-issues the {@code return}. With
 * {@code --transfer globals} only one value is a real result and the others go through a pool
 * of mutable globals (Chicory boxes multi-value results into a {@code long[]}). With
 * {@code --transfer memory} the callee stores them into 8-byte slots of a scratch area of
 * linear memory ({@code i32.const 0; T.store offset=base+8k}) right after its wrapper block and
 * the caller loads them right after the call, so no other code (no nested outlined call) runs
 * in between. The area defaults to [8, 1024): Emscripten links data at GLOBAL_BASE = 1024 and
 * leaves [0, 1024) unused (address 0 is null); {@code ScratchCheck} refuses an area that
 * overlaps an active data segment or lies beyond the initial memory (mquickjs.wasm: first
 * segment at 1024). A region with more values than slots, or whose call site would not shrink
 * the caller with the extra loads, falls back to multi-value results. On mquickjs (Chicory
 * 1.7.5, ByteBufferMemory) both {@code globals} and {@code memory} measured slower than
 * {@code results}, which stays the default: the memory accesses are calls into
 * {@code ByteBufferMemory} that HotSpot does not inline into the huge dispatch method, and the
 * bigger call sites force more (hot) arms out of it.
 *
 * <p>{@link io.github.mqjssandbox.wasmtools.split.Gate} reads class files with a small
 * hand-written parser ({@code ClassFileMethods}) and fails when any method's
 * {@code code_length} is over the limit, naming class, method and size; it sees Chicory's
 * helper methods too (the {@code call} dispatcher, call_indirect helpers). Chicory turns wasm
 * into roughly 1.2-1.9x as many bytes of JVM bytecode (the dispatch code of a split function is
 * at the high end), so a wasm budget of 4000 keeps every method of mquickjs under 8000.
 */
package io.github.mqjssandbox.wasmtools.split;
