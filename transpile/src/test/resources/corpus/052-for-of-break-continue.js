const found = [];
for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
  if (n % 2 === 0) continue;
  if (n > 6) break;
  found.push(n);
}
found;
