// needs: Array.prototype.at
const history = ['home', 'search', 'product'];
const current = history.at(-1);
current;
