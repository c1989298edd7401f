// needs: Map
const ages = new Map();
ages.set('alice', 31);
ages.set('bob', 27);
[ages.get('alice'), ages.has('carol'), ages.size];
