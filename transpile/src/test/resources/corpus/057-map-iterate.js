// needs: Map
const m = new Map([['a', 1], ['b', 2], ['c', 3]]);
let total = 0;
for (const [key, value] of m) {
  total += value;
}
total;
