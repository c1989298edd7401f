const orders = [
  { id: 1, total: 25, status: 'paid' },
  { id: 2, total: 40, status: 'pending' },
  { id: 3, total: 15, status: 'paid' },
];
const paidTotal = orders
  .filter((o) => o.status === 'paid')
  .map((o) => o.total)
  .reduce((sum, t) => sum + t, 0);
paidTotal;
