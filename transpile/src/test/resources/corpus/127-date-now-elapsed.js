const start = Date.now();
const elapsed = Date.now() - start;
typeof start === 'number' && elapsed >= 0;
