const products = [
  { id: 'p1', name: 'Pen', price: 2 },
  { id: 'p2', name: 'Pad', price: 5 },
];
const byId = products.reduce((map, p) => ({ ...map, [p.id]: p }), {});
byId.p2.name;
