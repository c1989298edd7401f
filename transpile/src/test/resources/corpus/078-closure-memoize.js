const memoize = (fn) => {
  const cache = {};
  return (n) => {
    if (cache[n] !== undefined) return cache[n];
    return (cache[n] = fn(n));
  };
};
let computations = 0;
const slowSquare = memoize((n) => {
  computations++;
  return n * n;
});
[slowSquare(4), slowSquare(4), slowSquare(5), computations];
