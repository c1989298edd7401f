const add = (a, b) => a + b;
const square = x => x * x;
[add(2, 3), square(4)];
