const grid = [
  [1, 2, 3],
  [4, 42, 6],
  [7, 8, 9],
];
let position = null;
outer: for (let r = 0; r < grid.length; r++) {
  for (let c = 0; c < grid[r].length; c++) {
    if (grid[r][c] === 42) {
      position = { r, c };
      break outer;
    }
  }
}
position;
