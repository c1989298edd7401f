// Runs the sandbox's wasm module (the same mquickjs.wasm the Java library ships) in Node's
// WebAssembly engine and times sbx_eval of a JS file in a fresh context per repetition,
// like wasm/build/native/mqjs-native does for the native build.
//
// usage: node mqjs-node.mjs MODULE.wasm FILE.js [--repeat N] [--memory-limit BYTES]
//        node mqjs-node.mjs MODULE.wasm --create [--repeat N] [--memory-limit BYTES]
//        (--create times sbx_create + sbx_destroy: a new context, nothing evaluated)
// prints one JSON line: {"status":..,"value":..,"evalNanos":min,"evalNanosMedian":median,"repeat":N}
import fs from 'fs';
import { instantiate, cString, slot } from '../../wasm/node/mquickjs-host.mjs';

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

const { exports: x, takeOutput } = await instantiate(fs.readFileSync(wasmPath));

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
const src = cString(x, fs.readFileSync(jsPath, 'utf8'));
const name = cString(x, jsPath);

const times = [];
let status = -1;
for (let r = 0; r < repeat; r++) {
  takeOutput();
  if (x.sbx_create(memoryLimit) !== 0) {
    console.error(`cannot create a context of ${memoryLimit} bytes`);
    process.exit(70);
  }
  x.sbx_set_random_seed(1n);
  const start = process.hrtime.bigint();
  status = x.sbx_eval(src.ptr, src.length, name.ptr);
  times.push(Number(process.hrtime.bigint() - start));
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({
  status, value: slot(x, 0), errorMessage: slot(x, 3), output: takeOutput(),
  evalNanos: times[0], evalNanosMedian: times[Math.floor(repeat / 2)], repeat,
}));
x.sbx_destroy();
process.exit(status === 0 ? 0 : 1);
