// Object functions and Object.prototype methods the prelude adds or corrects, against Node.
// setup
function outcome(f) {
  try {
    return f();
  } catch (e) {
    return 'throws ' + e.name;
  }
}
// calls
// every engine
outcome(function () { var o = Object.defineProperties({}, {a: {value: 1, enumerable: true}, b: {get: function () { return 2; }, enumerable: true}}); return [o.a, o.b]; })
[outcome(function () { return Object.defineProperties(1, {}); }), outcome(function () { return Object.defineProperties({}, null); }), outcome(function () { return Object.defineProperties({}, undefined); })]
[outcome(function () { return Object.defineProperties({}, {a: 1}); }), outcome(function () { return Object.defineProperties({}, {a: {get: 1}}); }), outcome(function () { return Object.defineProperties({}, {a: {set: 'x'}}); }), outcome(function () { return Object.defineProperties({}, {a: {get: function () {}, value: 1}}); }), outcome(function () { return Object.defineProperties({}, {a: {set: function () {}, writable: true}}); })]
outcome(function () { var o = {}; try { Object.defineProperties(o, {a: {value: 1}, b: 5}); return 'no error'; } catch (e) { return ['threw ' + e.name, 'a' in o]; } })
[outcome(function () { return Object.defineProperties({}, 'ab'); }), outcome(function () { return Object.defineProperties({}, ''); }), outcome(function () { return Object.defineProperties({}, 5); }), Object.defineProperties.length]
outcome(function () { var f = function () {}; Object.defineProperties(f, {x: {value: 3}}); return f.x; })
outcome(function () { var o = Object.defineProperties([], {p: {value: 'v', enumerable: true}}); return [o.p, Array.isArray(o)]; })
// every engine
[({a: 1}).propertyIsEnumerable('a'), ({a: 1}).propertyIsEnumerable('b'), Object.create({a: 1}).propertyIsEnumerable('a'), [1].propertyIsEnumerable(0), [1].propertyIsEnumerable('0'), [1].propertyIsEnumerable(1), [1].propertyIsEnumerable('length')]
['ab'.propertyIsEnumerable(1), 'ab'.propertyIsEnumerable('0'), 'ab'.propertyIsEnumerable(2), 'ab'.propertyIsEnumerable('length'), 'ab'.propertyIsEnumerable('01'), 'ab'.propertyIsEnumerable('-0'), 'ab'.propertyIsEnumerable(0.5), (5).propertyIsEnumerable('x'), true.propertyIsEnumerable('x')]
[outcome(function () { return Object.prototype.propertyIsEnumerable.call(null, 'a'); }), outcome(function () { return Object.prototype.propertyIsEnumerable.call(undefined, 'a'); }), Object.prototype.propertyIsEnumerable.length]
[({toString: null}).propertyIsEnumerable('toString'), ({1: 'x'}).propertyIsEnumerable(1), ({a: undefined}).propertyIsEnumerable('a')]
// every engine
[Object.getOwnPropertyNames({a: 1, b: 2}), Object.getOwnPropertyNames([5, 6]), Object.getOwnPropertyNames('ab'), Object.getOwnPropertyNames(5), Object.getOwnPropertyNames(true), Object.getOwnPropertyNames(Object.create({inherited: 1}))]
[outcome(function () { return Object.getOwnPropertyNames(null); }), outcome(function () { return Object.getOwnPropertyNames(); }), Object.getOwnPropertyNames.length]
// every engine
[Object.create(null, {a: {value: 1, enumerable: true}}).a, Object.getPrototypeOf(Object.create(Array.prototype, undefined)) === Array.prototype, Object.getPrototypeOf(Object.create(null)) === null, Object.create.length]
[outcome(function () { return Object.create(5); }), outcome(function () { return Object.create(); }), outcome(function () { return Object.create(null, {a: 1}); }), outcome(function () { return Object.create({}, null); })]
[Object.prototype.isPrototypeOf({}), Array.prototype.isPrototypeOf([]), Array.prototype.isPrototypeOf({}), Object.prototype.isPrototypeOf(5), ({}).isPrototypeOf(Object.create(null)), Object.prototype.isPrototypeOf(Object.create(Object.create({})))]
[outcome(function () { return Object.prototype.isPrototypeOf.call(null, {}); }), Object.prototype.isPrototypeOf.call(null, 1)]
// every engine
[(5).valueOf(), 'a'.valueOf(), true.valueOf(), typeof ({}).valueOf(), [1].valueOf().length, (function () {}).valueOf() !== null]
[outcome(function () { return String.prototype.valueOf.call(5); }), outcome(function () { return Number.prototype.valueOf.call('5'); }), outcome(function () { return Boolean.prototype.valueOf.call(1); }), outcome(function () { return Object.prototype.valueOf.call(null); })]
[({toString: function () { return 'x'; }}).toLocaleString(), outcome(function () { return Object.prototype.toLocaleString.call(undefined); })]
[true.toString(), false.toString(), String(true), outcome(function () { return Boolean.prototype.toString.call(1); })]
[String(/a\/b/gi), /x/.toString(), String(/[a-z]+\d/m), outcome(function () { return RegExp.prototype.toString.call(1); })]
// every engine
[Object.assign({a: 1}, {b: 2}, null, undefined, 'xy', 5, true, {a: 3}), Object.assign.length]
[outcome(function () { return Object.assign(null); }), outcome(function () { return Object.assign(undefined, {}); }), outcome(function () { var t = {}; return Object.assign(t) === t; })]
[Object.prototype.toString.call(new Date(0)), Object.prototype.toString.call(/a/), Object.prototype.toString.call([]), Object.prototype.toString.call(null), Object.prototype.toString.call(undefined), Object.prototype.toString.call(1), Object.prototype.toString.call('s'), Object.prototype.toString.call(function () {}), Object.prototype.toString.call(new Error('x')), Object.prototype.toString.call({})]
