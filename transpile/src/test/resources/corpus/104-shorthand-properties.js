const name = 'widget';
const price = 9.99;
const qty = 3;
const item = { name, price, qty, total: +(price * qty).toFixed(2) };
item;
