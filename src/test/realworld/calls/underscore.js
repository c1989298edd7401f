// file: underscore/underscore-umd.js
_.map([1, 2, 3], function (x) { return x * 3; })
_.groupBy([1.3, 2.1, 2.4], Math.floor)
_.sortBy([{n: 'b', a: 2}, {n: 'a', a: 1}], 'a')
_.uniq([1, 2, 1, 4, 1, 3])
// without settings.variable, a template compiles `with (obj) {...}`, which the engine rejects
// differs: SyntaxError
_.template('hello <%= name %>! <% _.each(xs, function (x) { %><%- x %>,<% }); %>')({name: 'moe', xs: ['<a>', 'b']})
_.template('hi <%= data.name %>', {variable: 'data'})({name: 'moe'})
_.pick({name: 'moe', age: 50, id: 1}, 'name', 'age')
_.flatten([1, [2], [3, [[4]]]])
_.chain([1, 2, 3]).map(function (x) { return x * 2; }).filter(function (x) { return x > 2; }).value()
_.isEqual({a: [1, {b: 2}]}, {a: [1, {b: 2}]})
_.range(0, 30, 5)
_.escape('<a href="x">&</a>')
[_.isDate(new Date(0)), _.isRegExp(/a/), _.isDate({})]
