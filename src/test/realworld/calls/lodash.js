// file: lodash/lodash.js
// load-error: SyntaxError: unexpected character in expression
// createSet's probe `new Set([,-0])` has an array hole, which the engine's stricter mode rejects
_.map([1, 2, 3], function (x) { return x * 3; })
_.get({a: [{b: {c: 3}}]}, 'a[0].b.c')
_.groupBy([6.1, 4.2, 6.3], Math.floor)
_.cloneDeep({a: [1, {b: 2}]})
_.merge({a: [{b: 2}, {d: 4}]}, {a: [{c: 3}, {e: 5}]})
_.chunk(['a', 'b', 'c', 'd'], 3)
_.camelCase('Foo Bar_baz')
_.uniqBy([{x: 1}, {x: 2}, {x: 1}], 'x')
