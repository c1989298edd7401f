function* fibonacci() {
  let [a, b] = [0, 1];
  while (true) {
    yield a;
    [a, b] = [b, a + b];
  }
}
const fib = [];
for (const n of fibonacci()) {
  if (n > 50) break;
  fib.push(n);
}
fib;
