const defaults = { color: 'blue', size: 'M', inStock: true };
const overrides = { size: 'L', price: 20 };
const product = { ...defaults, ...overrides, updated: true };
product;
