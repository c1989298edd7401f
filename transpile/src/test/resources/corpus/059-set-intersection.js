// needs: Set
const a = new Set([1, 2, 3, 4]);
const b = new Set([3, 4, 5]);
const intersection = [...a].filter((x) => b.has(x));
intersection;
