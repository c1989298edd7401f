// needs: Map, Array.from
const words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry'];
const byLetter = new Map();
for (const w of words) {
  const key = w[0];
  if (!byLetter.has(key)) byLetter.set(key, []);
  byLetter.get(key).push(w);
}
Array.from(byLetter.keys());
