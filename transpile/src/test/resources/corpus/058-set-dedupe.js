// needs: Set
const tags = ['js', 'java', 'js', 'wasm', 'java'];
const unique = [...new Set(tags)];
unique;
