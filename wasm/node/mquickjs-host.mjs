// The sandbox module's imports written for Node's WebAssembly engine: Emscripten's
// setjmp/longjmp ABI (invoke_* trampolines, setThrew) and our host_* functions, with output
// collected in memory and no host functions. Shared by the build's training run
// (wasm/profile/train.mjs) and the benchmark's Node subject (benchmarks/node/mqjs-node.mjs).

class Longjmp extends Error {}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Instantiates MODULE bytes; returns {exports, takeOutput()} with _initialize already run. */
export async function instantiate(bytes) {
  const module = await WebAssembly.compile(bytes);
  let inst;
  let tempRet0 = 0;
  let output = '';
  const env = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind === 'function' && imp.name.startsWith('invoke_')) {
      env[imp.name] = (index, ...rest) => {
        const sp = inst.exports.stackSave();
        try {
          return inst.exports.__indirect_function_table.get(index)(...rest);
        } catch (e) {
          inst.exports.stackRestore(sp);
          if (!(e instanceof Longjmp)) throw e;
          inst.exports.setThrew(1, 0);
          return 0;
        }
      };
    }
  }
  Object.assign(env, {
    _emscripten_throw_longjmp: () => { throw new Longjmp(); },
    setTempRet0: (v) => { tempRet0 = v; },
    getTempRet0: () => tempRet0,
    host_write: (ptr, len) => { output += decoder.decode(new Uint8Array(inst.exports.memory.buffer, ptr, len)); return 0; },
    host_poll_interrupt: () => 0,
    host_now_ms: () => Date.now(),
    host_call: () => -1,
    host_take_result: () => {},
  });
  inst = await WebAssembly.instantiate(module, { env });
  const x = inst.exports;
  // A fuel-metered module traps once its counter is negative; Node runs it without a limit.
  if (x.sbx_fuel_left) x.sbx_fuel_left.value = 1n << 62n;
  if (x.emscripten_stack_init) x.emscripten_stack_init();
  x._initialize();
  return {
    exports: x,
    takeOutput() { const text = output; output = ''; return text; },
  };
}

/** Copies TEXT into linear memory, NUL-terminated; returns {ptr, length} (length in bytes). */
export function cString(x, text) {
  const bytes = encoder.encode(text);
  const ptr = x.sbx_alloc(bytes.length + 1);
  const mem = new Uint8Array(x.memory.buffer);
  mem.set(bytes, ptr);
  mem[ptr + bytes.length] = 0;
  return { ptr, length: bytes.length };
}

/** Result slot I of the last sbx_eval (0 value, 3 error message) as a string, or null. */
export function slot(x, i) {
  const table = x.sbx_slot_table();
  const words = new Uint32Array(x.memory.buffer, table + 8 * i, 2);
  return words[0] === 0 ? null : decoder.decode(new Uint8Array(x.memory.buffer, words[0], words[1]));
}
