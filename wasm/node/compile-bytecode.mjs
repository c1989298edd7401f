// Compiles a script to the engine's relocatable bytecode with the sandbox module itself (so the
// bytecode has exactly the module's word size, opcodes and atoms), for scripts the library runs
// in every template: the compatibility prelude. Parsing it then costs nothing at run time.
//
//   node wasm/node/compile-bytecode.mjs MODULE.wasm SCRIPT.js NAME OUT
// NAME is the file name the script's functions carry in stack traces.
import fs from 'node:fs';
import { instantiate, cString } from './mquickjs-host.mjs';

const [wasmPath, scriptPath, name, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node compile-bytecode.mjs MODULE.wasm SCRIPT.js NAME OUT');
  process.exit(2);
}
const { exports: x, takeOutput } = await instantiate(fs.readFileSync(wasmPath));
const src = cString(x, fs.readFileSync(scriptPath, 'utf8'));
const fileName = cString(x, name);
const result = x.sbx_compile(src.ptr, src.length, fileName.ptr, 16 << 20);
const [ptr, length] = new Uint32Array(x.memory.buffer, result, 2);
if (ptr === 0) {
  console.error(`${scriptPath} does not compile: ${takeOutput()}`);
  process.exit(1);
}
fs.writeFileSync(outPath, new Uint8Array(x.memory.buffer, ptr, length));
console.log(`${outPath}: ${length} bytes of bytecode from ${scriptPath}`);
