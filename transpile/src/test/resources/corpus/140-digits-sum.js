const digitSum = (n) => [...String(n)].map(Number).reduce((a, b) => a + b, 0);
[digitSum(12345), digitSum(999)];
