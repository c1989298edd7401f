// needs: Number.isInteger
const inputs = [1, 2.5, '3', 4.0];
inputs.filter(Number.isInteger);
