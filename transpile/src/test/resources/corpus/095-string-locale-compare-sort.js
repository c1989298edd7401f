// needs: String.prototype.localeCompare
const names = ['emile', 'Zack', 'adam', 'Bea'];
names.sort((a, b) => a.localeCompare(b));
