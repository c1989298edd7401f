// needs: Array.prototype.fill
const grid = new Array(3).fill(0).map(() => new Array(3).fill('.'));
grid[1][1] = 'X';
grid.map((row) => row.join('')).join('/');
