// expect: 100545
// Builds a ~100 KB document deterministically, then JSON.parse + JSON.stringify it.
var seed = 12345;
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; }
var words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"];
var items = [];
for (var i = 0; i < 820; i++) {
  var tags = [];
  for (var t = 0; t < 3; t++) { tags.push(words[rnd() % 10]); }
  items.push({ id: i, name: words[rnd() % 10] + "-" + i, price: (rnd() % 100000) / 100,
               active: (rnd() % 2) === 0, tags: tags, meta: { rank: rnd() % 1000, note: null } });
}
var text = JSON.stringify({ version: 1, items: items });
var copy = JSON.parse(text);
var again = JSON.stringify(copy);
again.length === text.length ? again.length : -1
