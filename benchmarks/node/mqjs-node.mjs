// Runs the sandbox's wasm module (the same mquickjs.wasm the Java library ships) in Node's
// WebAssembly engine and times sbx_eval of a JS file in a fresh context per repetition,
// like wasm/build/native/mqjs-native does for the native build.
//
// usage: node mqjs-node.mjs MODULE.wasm FILE.js [--repeat N] [--memory-limit BYTES]
//        node mqjs-node.mjs MODULE.wasm --create [--repeat N] [--memory-limit BYTES]
//        (--create times sbx_create + sbx_destroy: a new context, nothing evaluated)
// prints one JSON line: {"status":..,"value":..,"evalNanos":min,"evalNanosMedian":median,"repeat":N}
import fs from 'fs';

const args = process.argv.slice(2);
let repeat = 1, memoryLimit = 16 << 20, createOnly = false;
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--repeat') repeat = parseInt(args[++i], 10);
  else if (args[i] === '--memory-limit') memoryLimit = parseInt(args[++i], 10);
  else if (args[i] === '--create') createOnly = true;
  else positional.push(args[i]);
}
if (positional.length !== (createOnly ? 1 : 2) || !(repeat >= 1)) {
  console.error('usage: node mqjs-node.mjs MODULE.wasm FILE.js [--repeat N] [--memory-limit BYTES]');
  process.exit(2);
}
const [wasmPath, jsPath] = positional;

// ---- Emscripten ABI: setjmp/longjmp goes through invoke_* trampolines ----
class Longjmp extends Error {}
let inst;
let tempRet0 = 0;
const module = await WebAssembly.compile(fs.readFileSync(wasmPath));
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
let output = '';
const decoder = new TextDecoder();
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
if (x.emscripten_stack_init) x.emscripten_stack_init();
x._initialize();

if (createOnly) {
  const times = [];
  for (let r = 0; r < repeat; r++) {
    const start = process.hrtime.bigint();
    const rc = x.sbx_create(memoryLimit);
    x.sbx_destroy();
    times.push(Number(process.hrtime.bigint() - start));
    if (rc !== 0) { console.error(`cannot create a context of ${memoryLimit} bytes`); process.exit(70); }
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ status: 0, evalNanos: times[0], evalNanosMedian: times[Math.floor(repeat / 2)], repeat }));
  process.exit(0);
}

// ---- copy the source (NUL-terminated) and the file name into linear memory once ----
const encoder = new TextEncoder();
function cString(bytes) {
  const ptr = x.sbx_alloc(bytes.length + 1);
  const mem = new Uint8Array(x.memory.buffer);
  mem.set(bytes, ptr);
  mem[ptr + bytes.length] = 0;
  return ptr;
}
const src = encoder.encode(fs.readFileSync(jsPath, 'utf8'));
const srcPtr = cString(src);
const namePtr = cString(encoder.encode(jsPath));

function slot(i) {
  const table = x.sbx_slot_table();
  const words = new Uint32Array(x.memory.buffer, table + 8 * i, 2);
  return words[0] === 0 ? null : decoder.decode(new Uint8Array(x.memory.buffer, words[0], words[1]));
}

const times = [];
let status = -1;
for (let r = 0; r < repeat; r++) {
  output = '';
  if (x.sbx_create(memoryLimit) !== 0) {
    console.error(`cannot create a context of ${memoryLimit} bytes`);
    process.exit(70);
  }
  x.sbx_set_random_seed(1n);
  const start = process.hrtime.bigint();
  status = x.sbx_eval(srcPtr, src.length, namePtr);
  times.push(Number(process.hrtime.bigint() - start));
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({
  status, value: slot(0), errorMessage: slot(3), output,
  evalNanos: times[0], evalNanosMedian: times[Math.floor(repeat / 2)], repeat,
}));
x.sbx_destroy();
process.exit(status === 0 ? 0 : 1);
