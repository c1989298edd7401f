function sum(...numbers) {
  return numbers.reduce((total, n) => total + n, 0);
}
[sum(), sum(1), sum(1, 2, 3, 4)];
