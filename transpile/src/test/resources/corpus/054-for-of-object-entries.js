// needs: Object.entries
const inventory = { apples: 3, pears: 0, plums: 7 };
const available = [];
for (const [fruit, qty] of Object.entries(inventory)) {
  if (qty > 0) available.push(fruit);
}
available;
