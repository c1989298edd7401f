// needs: Array.prototype.includes
const allowed = ['read', 'write'];
const requested = ['read', 'delete'];
requested.map((p) => allowed.includes(p));
