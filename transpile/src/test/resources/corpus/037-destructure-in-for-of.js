const points = [{ x: 1, y: 2 }, { x: 3, y: 4 }, { x: 5, y: 6 }];
let sumX = 0;
let sumY = 0;
for (const { x, y } of points) {
  sumX += x;
  sumY += y;
}
[sumX, sumY];
