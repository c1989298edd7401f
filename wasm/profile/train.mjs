// The training run of profile-guided splitting: evaluates each training script in a fresh
// context of a module instrumented by `wasm-tools profile`, then prints how often each
// instrumented point was reached, one `function instruction count` line per point (the
// input of `wasm-tools split --profile`). The counts depend only on the module and the
// scripts, so the split module stays reproducible.
//
// usage: node train.mjs PROFILING.wasm SCRIPT.js... > counts.txt
import fs from 'fs';
import path from 'path';
import { instantiate, cString, slot } from '../node/mquickjs-host.mjs';

const PREFIX = 'sbx_prof_';
const [wasmPath, ...scripts] = process.argv.slice(2);
if (!wasmPath || scripts.length === 0) {
  console.error('usage: node train.mjs PROFILING.wasm SCRIPT.js... > counts.txt');
  process.exit(2);
}
const { exports: x, takeOutput } = await instantiate(fs.readFileSync(wasmPath));

for (const script of scripts) {
  if (x.sbx_create(32 << 20) !== 0) throw new Error('cannot create a context');
  x.sbx_set_random_seed(1n);
  const src = cString(x, fs.readFileSync(script, 'utf8'));
  // the file name is part of the compiled script: only the base name keeps counts the same
  // wherever the repository lives
  const name = cString(x, path.basename(script));
  const status = x.sbx_eval(src.ptr, src.length, name.ptr);
  if (status !== 0) {
    console.error(`train.mjs: ${script} failed (status ${status}): ${slot(x, 3)}`);
    process.exit(1);
  }
  takeOutput();
  x.sbx_free(src.ptr);
  x.sbx_free(name.ptr);
  x.sbx_destroy();
}

const lines = [];
for (const [name, global] of Object.entries(x)) {
  if (!name.startsWith(PREFIX)) continue;
  const [fn, instruction] = name.slice(PREFIX.length).split('_');
  lines.push(`${fn} ${instruction} ${global.value}`);
}
if (lines.length === 0) {
  console.error(`train.mjs: ${wasmPath} has no ${PREFIX}* counters (not made by 'wasm-tools profile')`);
  process.exit(1);
}
process.stdout.write(`# entry counts from ${scripts.length} training scripts\n${lines.join('\n')}\n`);
