const original = [1, 2, 3];
const copy = [...original];
copy.push(4);
const merged = [0, ...original, ...copy];
[original.length, copy.length, merged];
