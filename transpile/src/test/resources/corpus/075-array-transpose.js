const matrix = [[1, 2], [3, 4], [5, 6]];
const transposed = matrix[0].map((_, col) => matrix.map((row) => row[col]));
transposed;
