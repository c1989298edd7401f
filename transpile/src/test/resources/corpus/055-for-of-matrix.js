const matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
let trace = 0;
let row = 0;
for (const r of matrix) {
  trace += r[row++];
}
trace;
