// The oracle of the transpile corpus: runs every snippet of a directory in Node (a fresh
// context each, as a classic script) and prints, per file, the JSON text of the snippet's
// completion value (null when it has none, such as undefined) or the error it threw.
//
//   node transpile/src/test/node/corpus-oracle.mjs transpile/src/test/resources/corpus
//   node transpile/src/test/node/corpus-oracle.mjs transpile/src/test/resources/corpus \
//       --write transpile/src/test/resources/corpus-expected.json
//
// CorpusTest runs the first form when node is on the PATH, and otherwise reads the file the
// second form writes (and, when node is there, checks that the file is still what Node says).
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const [dir, flag, out] = process.argv.slice(2);
if (!dir || (flag && (flag !== '--write' || !out))) {
  console.error('usage: corpus-oracle.mjs CORPUS_DIR [--write FILE]');
  process.exit(2);
}

const results = {};
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
  const code = fs.readFileSync(path.join(dir, file), 'utf8');
  try {
    const value = vm.runInNewContext(code, {}, { filename: file, timeout: 5000 });
    const json = JSON.stringify(value);
    results[file] = { json: json === undefined ? null : json };
  } catch (e) {
    results[file] = { error: `${e && e.name}: ${e && e.message}` };
  }
}

const text = JSON.stringify(results, null, 2) + '\n';
if (out) {
  fs.writeFileSync(out, text);
} else {
  process.stdout.write(text);
}
