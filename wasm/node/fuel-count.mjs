// Fuel used by each script, in fresh contexts of a fuel-metered module, run in Node. Fuel
// counts depend only on the module and the script, so this gives the same numbers as the
// sandbox's fuelUsed in any engine; docs/limits.md uses it to compare metering options.
//
//   node wasm/node/fuel-count.mjs METERED.wasm FILE.js...
// prints one line per file: name, sbx_eval status (0 = ok), fuel units used by sbx_eval.
import fs from 'node:fs';
import path from 'node:path';
import { instantiate, cString } from './mquickjs-host.mjs';

const [wasmPath, ...files] = process.argv.slice(2);
if (!wasmPath || files.length === 0) {
  console.error('usage: node fuel-count.mjs METERED.wasm FILE.js...');
  process.exit(2);
}
const { exports: x } = await instantiate(fs.readFileSync(wasmPath));
if (!x.sbx_fuel_left) {
  console.error(`${wasmPath} is not fuel-metered (no sbx_fuel_left export)`);
  process.exit(2);
}
const budget = 1n << 62n;
for (const file of files) {
  const src = cString(x, fs.readFileSync(file, 'utf8'));
  const name = cString(x, path.basename(file));
  if (x.sbx_create(16 << 20) !== 0) throw new Error('cannot create a context');
  x.sbx_set_random_seed(1n);
  x.sbx_fuel_left.value = budget;
  const status = x.sbx_eval(src.ptr, src.length, name.ptr);
  console.log(`${path.basename(file)}\t${status}\t${budget - x.sbx_fuel_left.value}`);
  x.sbx_destroy();
}
