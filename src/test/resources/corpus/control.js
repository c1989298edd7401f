var out = [];
outer: for (var i = 0; i < 4; i++) {
  for (var j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    out.push(i + '' + j);
  }
}
function kind(x) {
  switch (typeof x) {
    case 'number': return x % 2 ? 'odd' : 'even';
    case 'string': return 'str';
    default: return 'other';
  }
}
var k = 0; do { k++; } while (k < 5);
out.concat([kind(3), kind(4), kind('s'), kind(null), k, (function f(n) { return n ? n * f(n - 1) : 1; })(10)]).join();
