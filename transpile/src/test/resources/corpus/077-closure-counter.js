function makeCounter() {
  let count = 0;
  return {
    increment: () => ++count,
    decrement: () => --count,
    value: () => count,
  };
}
const c1 = makeCounter();
const c2 = makeCounter();
c1.increment();
c1.increment();
c2.decrement();
[c1.value(), c2.value()];
