// file: sprintf-js/src/sprintf.js
// shim: var exports = {};
exports.sprintf('%s is %d years', 'Ada', 36)
exports.sprintf('%05.2f|%-6s|%+d', 3.14159, 'ab', 5)
exports.sprintf('%x %X %o %b %e', 255, 255, 8, 5, 12345.678)
exports.vsprintf('%2$s %1$s', ['world', 'hello'])
exports.sprintf('%(name)s likes %(food)s', {name: 'Ada', food: 'tea'})
exports.sprintf('%j', {a: [1, 2]})
exports.sprintf('%10.3f|', -2.5)
exports.sprintf('%c%c', 72, 105)
exports.sprintf('%u', -1)
exports.sprintf('%t %T %v', true, [], 'x')
