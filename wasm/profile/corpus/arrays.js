// Array building and the higher-order builtins, sorting with comparators, searching.
var a = [];
for (var i = 0; i < 20000; i++) a.push((i * 7919) % 10007);
var evens = a.filter(function (v) { return v % 2 === 0; });
var doubled = evens.map(function (v) { return v * 2; });
var total = doubled.reduce(function (s, v) { return s + v; }, 0);
var sorted = a.slice(0, 5000).sort(function (x, y) { return x - y; });
var words = [];
for (i = 0; i < 3000; i++) words.push('w' + ((i * 31) % 977));
words.sort();
var found = 0;
for (i = 0; i < 2000; i++) if (a.indexOf(i) >= 0) found++;
var stack = [];
for (i = 0; i < 30000; i++) { stack.push(i); if (i % 3 === 0) stack.pop(); }
var spliced = a.slice(0, 1000);
spliced.splice(10, 100, 1, 2, 3);
var matrix = [];
for (i = 0; i < 60; i++) { matrix[i] = []; for (var j = 0; j < 60; j++) matrix[i][j] = i * j; }
var trace = 0;
for (i = 0; i < 60; i++) trace += matrix[i][i];
var flags = a.some(function (v) { return v > 10000; }) + ':' + a.every(function (v) { return v >= 0; });
var rev = a.slice(0, 100).reverse().concat([1, 2]).join('-').length;
[total, sorted[0], sorted[4999], words[0], found, stack.length, spliced.length, trace, flags, rev].join(' ');
