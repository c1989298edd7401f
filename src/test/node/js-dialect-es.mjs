// Checks the ES column of docs/js-dialect.md in Node: each `source` must give the `ES` cell,
// and each rewrite (and recipe) must give its expected value in standard JavaScript too.
// Usage: node src/test/node/js-dialect-es.mjs [path/to/js-dialect.md]
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const file = process.argv[2] ?? new URL('../../../docs/js-dialect.md', import.meta.url);
const lines = readFileSync(file, 'utf8').split('\n');

function cells(line) {
  const parts = line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);
  return parts.map((c) => c.trim().replaceAll('\\|', '|'));
}

// A code span at the start of text: [content, rest] or null.
function codeSpan(text) {
  const open = /^`+/.exec(text);
  if (!open) return null;
  const fence = open[0];
  let at = fence.length;
  for (;;) {
    const close = text.indexOf(fence, at);
    if (close < 0) return null;
    if (text[close + fence.length] === '`') { at = close + fence.length + 1; continue; }
    let content = text.slice(fence.length, close);
    if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ')) content = content.slice(1, -1);
    return [content, text.slice(close + fence.length).trim()];
  }
}

function expected(cell) {
  const span = codeSpan(cell);
  if (span) return { value: span[0] === 'undefined' ? undefined : JSON.parse(span[0]) };
  const error = /^([A-Za-z]*Error)\b/.exec(cell);
  if (!error) throw new Error('neither a value nor an error: ' + cell);
  return { error: error[1] };
}

function run(source) {
  try {
    return { value: vm.runInNewContext(source, {}) };
  } catch (e) {
    return { error: e && e.name };
  }
}

function same(actual, want) {
  if ('error' in want) return actual.error === want.error;
  if ('error' in actual) return false;
  return JSON.stringify(actual.value) === JSON.stringify(want.value)
    && (actual.value === undefined) === (want.value === undefined);
}

let checked = 0;
const failures = [];
function check(test, what, source, want) {
  const actual = run(source);
  checked++;
  if (!same(actual, want)) {
    failures.push(`${test} (${what}): got ${JSON.stringify(actual)}, expected ${JSON.stringify(want)}`);
  }
}

for (let i = 0; i + 1 < lines.length; i++) {
  if (!lines[i].startsWith('|') || !/^\|\s*---/.test(lines[i + 1])) continue;
  const header = cells(lines[i]);
  const col = (name) => header.indexOf(name);
  if (col('test') < 0) continue;
  for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) {
    const row = cells(lines[i]);
    const test = codeSpan(row[col('test')])[0];
    const source = codeSpan(row[col('source')])[0];
    const es = expected(row[col('ES')]);
    check(test, 'source', source, es);
    if (col('rewrite') >= 0 && row[col('rewrite')] !== '') {
      const [rewrite, rest] = codeSpan(row[col('rewrite')]);
      check(test, 'rewrite', rewrite, rest ? expected(rest.replace(/^→\s*/, '')) : es);
    }
  }
}

const text = lines.join('\n');
for (const block of text.matchAll(/```js\n(\/\/ test: (\S+)\n[\s\S]*?)\/\/ result: (.*)\n```/g)) {
  check(block[2], 'recipe', block[1], { value: JSON.parse(block[3]) });
}

if (failures.length) {
  console.log(failures.join('\n'));
  process.exit(1);
}
console.log(`ES column: ${checked} checks agree with Node ${process.version}`);
