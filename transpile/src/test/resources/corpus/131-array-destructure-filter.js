const inventory = [
  { name: 'bolt', qty: 0 },
  { name: 'nut', qty: 12 },
  { name: 'screw', qty: 3 },
];
const outOfStock = inventory.filter(({ qty }) => qty === 0).map(({ name }) => name);
const lowStock = inventory.filter(({ qty }) => qty > 0 && qty < 5).map(({ name }) => name);
({ outOfStock, lowStock });
