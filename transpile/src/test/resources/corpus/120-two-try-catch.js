const results = [];
try {
  JSON.parse('{bad');
} catch (e) {
  results.push(e.name);
}
try {
  null.prop;
} catch (e) {
  results.push(e.name);
}
results;
