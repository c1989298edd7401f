// Recursive calls with small integer arguments, closures called recursively, tree building.
function tak(x, y, z) { return y < x ? tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) : z; }
function ack(m, n) { return m === 0 ? n + 1 : n === 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
function makeTree(depth) { return depth === 0 ? null : { left: makeTree(depth - 1), right: makeTree(depth - 1), v: depth }; }
function sumTree(t) { return t === null ? 0 : t.v + sumTree(t.left) + sumTree(t.right); }
var counter = (function () { var n = 0; return function step(k) { n++; return k > 0 ? step(k - 1) : n; }; })();
var total = tak(16, 10, 4) + ack(2, 300) + sumTree(makeTree(12)) + counter(500);
function hanoi(n, from, to, via, moves) {
  if (n === 0) return moves;
  moves = hanoi(n - 1, from, via, to, moves);
  return hanoi(n - 1, via, to, from, moves + 1);
}
total += hanoi(14, 'a', 'c', 'b', 0);
total;
