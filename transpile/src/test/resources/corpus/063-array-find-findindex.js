// needs: Array.prototype.find, Array.prototype.findIndex
const users = [{ id: 1, name: 'Ann' }, { id: 2, name: 'Ben' }, { id: 3, name: 'Cat' }];
const ben = users.find((u) => u.name === 'Ben');
const idx = users.findIndex((u) => u.id === 3);
[ben.id, idx];
