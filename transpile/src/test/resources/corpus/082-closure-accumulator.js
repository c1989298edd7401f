const makeAccumulator = (start = 0) => (amount = 1) => (start += amount);
const acc = makeAccumulator(10);
acc();
acc(5);
acc(-2);
