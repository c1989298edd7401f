function minMax(numbers) {
  return [Math.min(...numbers), Math.max(...numbers)];
}
const [min, max] = minMax([4, 9, 1, 7]);
max - min;
