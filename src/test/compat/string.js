// String methods the prelude adds (substr, localeCompare, includes, startsWith, endsWith) or
// corrects (match, search and replace over regular expressions), against Node.
// setup
var seed = 424242;
function next() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
}
function pick(xs) { return xs[next() % xs.length]; }
function outcome(f) {
  try {
    return f();
  } catch (e) {
    return 'throws ' + e.name;
  }
}
var POSITIONS = [undefined, 0, 1, 2, 3, 5, 10, -1, -3, -10, 1.5, -1.5, 2.9, NaN, Infinity, -Infinity, '2', ' 1 ', null, true, {valueOf: function () { return 1; }}];
var SUBJECTS = ['', 'a', 'abcdef', 'x\ud83d\ude00y', 'aXbXc'];
function pairs(f) {
  var r = [];
  SUBJECTS.forEach(function (s) {
    POSITIONS.forEach(function (a) {
      POSITIONS.forEach(function (b) { r.push(outcome(function () { return f(s, a, b); })); });
    });
  });
  return r;
}
// The alphabet the collation orders exactly like Node's ICU root order: see docs/compatibility.md.
var ALPHABET = ['a', 'b', 'c', 'e', 'z', 'A', 'B', 'E', 'Z', '0', '1', '9', ' ', '-', '_', '.', ',', '!', '?', "'", '"',
  '(', '[', '{', '@', '*', '/', '\\', '&', '#', '%', '`', '^', '+', '<', '=', '>', '|', '~', '$', ':', ';',
  '\t', '\n', '\u0001', '\u007f', '\u00ad',
  '\u00e9', '\u00c9', '\u00e8', '\u00ea', '\u00eb', '\u00e0', '\u00e1', '\u00e2', '\u00e4', '\u00e5', '\u00e3',
  '\u00e7', '\u00c7', '\u00f1', '\u00d1', '\u00f6', '\u00fc', '\u00ff', '\u00dd', '\u00cf',
  'e\u0301', 'a\u0308', 'c\u0327', 'n\u0303', '\u0300'];
var words = [];
for (var i = 0; i < 160; i++) {
  var w = '';
  for (var j = next() % 5; j > 0; j--) w += pick(ALPHABET);
  words.push(w);
}
words.push('', 'a', 'A', 'ab', 'Ab', 'aB', 'AB', '\u00e1b', 'a-b', 'a b', 'resume', 'r\u00e9sum\u00e9', 'R\u00e9sum\u00e9');
function signs(list) {
  return list.map(function (a) { return list.map(function (b) { return Math.sign(a.localeCompare(b)); }).join(''); });
}
var TEMPLATES = ['$1', '$2', '$01', '$10', '$11', '$&', '$`', "$'", '$$', '$', '$0', '$00', 'x$9y', '[$1|$2]', '$3', '$<n>'];
var PATTERNS = [/(a)|b/g, /(a)(b)|a/g, /x*/g, /(\d+)/g, /(a)/, /a/g, /(?:)/g, /(b)|(c)/g, /(\d)(\d)(\d)(\d)(\d)(\d)(\d)(\d)(\d)(\d)(\d)/g];
var TEXTS = ['ab', 'aab', '12a34', '', 'abcab', 'bcbc', '12345678901x'];
// calls
// every engine
['abcdef'.substr(1, 3), 'abcdef'.substr(-2), 'abcdef'.substr(2), 'abc'.substr(), String.prototype.substr.length, outcome(function () { return String.prototype.substr.call(null, 1); })]
pairs(function (s, a, b) { return s.substr(a, b); })
pairs(function (s, a) { return [s.includes('b', a), s.startsWith('a', a), s.endsWith('c', a), s.includes('', a), s.startsWith('', a), s.endsWith('', a)]; })
// every engine
['abc'.includes('b'), 'abc'.startsWith('ab'), 'abc'.endsWith('bc'), 'abc'.startsWith('bc', 1), 'abc'.endsWith('ab', 2), outcome(function () { return 'abc'.includes(/b/); }), outcome(function () { return String.prototype.endsWith.call(undefined, 'a'); })]
[String.prototype.includes.length, String.prototype.startsWith.length, String.prototype.endsWith.length, 'a1'.includes(1), 'null'.startsWith(null), 'undefined'.endsWith()]
// every engine
['a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), 'a'.localeCompare('B'), 'a'.localeCompare('A'), '\u00e9'.localeCompare('e\u0301'), 'a'.localeCompare(), 'undefined'.localeCompare()]
signs(words)
outcome(function () { return String.prototype.localeCompare.call(null, 'a'); })
[[1, 2].includes(2), [1, NaN].includes(NaN), [1, 2, 3].includes(1, 1), [1, 2, 3].includes(3, -1), [1].includes(1, Infinity), [1].includes(1, -Infinity), [].includes(undefined), Array.prototype.includes.call({length: 2, 1: 'x'}, 'x'), Array.prototype.includes.call('ab', 'b')]
// every engine
[[1, 2, 3].find(function (x) { return x > 1; }), [1, 2, 3].findIndex(function (x) { return x > 1; }), [1].find(function (x) { return x > 5; }), [1].findIndex(function (x) { return x > 5; }), [5].find(function (x, i, a) { return this.k === 1 && i === 0 && a.length === 1; }, {k: 1})]
[outcome(function () { return [1].find(); }), outcome(function () { return [1].findIndex('f'); }), Array.prototype.find.length, Array.prototype.findIndex.length, Array.prototype.includes.length]
// every engine
['ab'.replace(/(a)|b/g, '[$1]'), 'ab'.replace(/(a)|b/g, function (m, g) { return '[' + g + ']'; }), 'ab'.match(/x*/g), 'abc'.match('b')[0], 'abc'.search('c'), 'a.c'.search('.'), 'hello'.replace(/l/g, 'L')]
TEXTS.map(function (t) { return PATTERNS.map(function (p) { return TEMPLATES.map(function (r) { return t.replace(p, r); }); }); })
TEXTS.map(function (t) { return PATTERNS.map(function (p) { return t.replace(p, function () { return JSON.stringify(Array.prototype.slice.call(arguments)); }); }); })
TEXTS.map(function (t) { return PATTERNS.map(function (p) { return [t.match(p), t.search(p)]; }); })
['x\ud83d\ude00'.match(/(?:)/gu).length, 'x\ud83d\ude00y'.replace(/(?:)/gu, '-'), 'abc'.match(undefined), 'a(b'.search('\\('), outcome(function () { return 'a'.match('('); })]
// a group quantified to take no part in the match captures '' in the engine's exec (ES: undefined)
// differs: ["a","a",""]
/(a)(b)?/.exec('a')
outcome(function () { var r = /(a)/g; r.lastIndex = 5; var s = 'aa'.replace(r, 'b'); return [s, r.lastIndex]; })
outcome(function () { var r = /a/g; r.lastIndex = 3; var m = 'aXa'.match(r); return [m, r.lastIndex]; })
