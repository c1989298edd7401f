const nums = [5, 1, 8, 3];
const biggest = Math.max(...nums);
const smallest = Math.min(...nums, 0);
[biggest, smallest];
