var people = [{n: 'bo', a: 30}, {n: 'al', a: 25}, {n: 'cy', a: 30}, {n: 'di', a: 20}];
people.sort(function (x, y) { return x.a - y.a || (x.n < y.n ? -1 : 1); });
var nums = [10, 9, 1, 100, 25];
nums.sort();
var numeric = nums.slice().sort(function (a, b) { return a - b; });
JSON.stringify([people.map(function (p) { return p.n; }), nums, numeric, ['b', 'a', 'C'].sort()]);
