const range = (start, end, step = 1) => {
  const out = [];
  for (let i = start; i < end; i += step) out.push(i);
  return out;
};
[range(0, 5), range(1, 10, 3)];
