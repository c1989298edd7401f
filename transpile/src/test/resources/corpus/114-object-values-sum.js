// needs: Object.values
const cart = { apples: 3, pears: 2, plums: 5 };
Object.values(cart).reduce((a, b) => a + b, 0);
