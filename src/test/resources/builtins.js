// Touches every builtin of the sandbox's global environment; returns the failed checks.
var failures = [];
function check(name, actual, expected) {
  if (actual !== expected) failures.push(name + ': got ' + String(actual) + ', expected ' + String(expected));
}
function throwsName(fn) { try { fn(); return 'none'; } catch (e) { return e.name; } }

// Object
check('Object.keys', Object.keys({a: 1, b: 2}).join(), 'a,b');
var proto = {greet: function () { return 'hi'; }};
var made = Object.create(proto);
check('Object.create', made.greet(), 'hi');
check('Object.getPrototypeOf', Object.getPrototypeOf(made) === proto, true);
var target = {};
Object.defineProperty(target, 'x', {value: 5, writable: false});
check('Object.defineProperty', target.x, 5);
var swapped = Object.setPrototypeOf({}, proto);
check('Object.setPrototypeOf', swapped.greet(), 'hi');
check('hasOwnProperty', ({a: 1}).hasOwnProperty('a') && !made.hasOwnProperty('greet'), true);
check('Object.prototype.toString', Object.prototype.toString.call([]), '[object Array]');
check('Object()', typeof new Object(), 'object');

// Function
function add(a, b) { return a + b; }
check('call', add.call(null, 1, 2), 3);
check('apply', add.apply(null, [3, 4]), 7);
check('bind', add.bind(null, 10)(5), 15);
check('length', add.length, 2);
check('name', add.name, 'add');
check('Function.prototype.toString', typeof add.toString(), 'string');
check('prototype', typeof add.prototype, 'object');

// Number and Boolean
check('parseInt', Number.parseInt('ff', 16), 255);
check('parseFloat', Number.parseFloat('2.5e3'), 2500);
check('toFixed', (3.14159).toFixed(2), '3.14');
check('toPrecision', (123.456).toPrecision(4), '123.5');
check('toExponential', (12345).toExponential(2), '1.23e+4');
check('toString radix', (255).toString(16), 'ff');
check('MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER, 9007199254740991);
check('MIN_SAFE_INTEGER', Number.MIN_SAFE_INTEGER, -9007199254740991);
check('EPSILON', Number.EPSILON, 2.220446049250313e-16);
check('MAX_VALUE', Number.MAX_VALUE, 1.7976931348623157e+308);
check('MIN_VALUE', Number.MIN_VALUE, 5e-324);
check('Number.NaN', Number.NaN !== Number.NaN, true);
check('infinities', Number.POSITIVE_INFINITY === -Number.NEGATIVE_INFINITY, true);
check('Number()', Number('42'), 42);
check('Boolean()', Boolean(''), false);

// String
var s = 'Hello, World';
check('length', s.length, 12);
check('charAt', s.charAt(1), 'e');
check('charCodeAt', s.charCodeAt(0), 72);
check('codePointAt', '\ud83d\ude00'.codePointAt(0), 0x1f600);
check('concat', 'a'.concat('b', 'c'), 'abc');
check('indexOf', s.indexOf('o'), 4);
check('lastIndexOf', s.lastIndexOf('o'), 8);
check('match', 'a1b22'.match(/\d+/g).join(), '1,22');
check('replace', s.replace('World', 'JS'), 'Hello, JS');
check('replace with a function', 'a1b2'.replace(/\d/g, function (d) { return d * 2; }), 'a2b4');
check('replaceAll', 'a-b-c'.replaceAll('-', '+'), 'a+b+c');
check('search', s.search(/W/), 7);
check('slice', s.slice(-5), 'World');
check('split', 'a,b,c'.split(',').length, 3);
check('substring', s.substring(0, 5), 'Hello');
check('toLowerCase', s.toLowerCase(), 'hello, world');
check('toUpperCase', s.toUpperCase(), 'HELLO, WORLD');
check('trim', '  x  '.trim(), 'x');
check('trimStart', '  x  '.trimStart(), 'x  ');
check('trimEnd', '  x  '.trimEnd(), '  x');
check('repeat', 'ab'.repeat(3), 'ababab');
check('String.prototype.toString', 'ab'.toString(), 'ab');
check('fromCharCode', String.fromCharCode(72, 105), 'Hi');
check('fromCodePoint', String.fromCodePoint(0x1f600), '\ud83d\ude00');
check('String()', String(12), '12');

// Array
var arr = [3, 1, 2];
check('isArray', Array.isArray(arr) && !Array.isArray({}), true);
check('concat', arr.concat([4]).length, 4);
check('every', arr.every(function (x) { return x > 0; }), true);
check('some', arr.some(function (x) { return x > 2; }), true);
check('filter', arr.filter(function (x) { return x > 1; }).join(), '3,2');
var visited = 0; arr.forEach(function () { visited++; });
check('forEach', visited, 3);
check('map', arr.map(function (x) { return x * 2; }).join(), '6,2,4');
check('indexOf', arr.indexOf(2), 2);
check('lastIndexOf', [1, 2, 1].lastIndexOf(1), 2);
check('join', arr.join('-'), '3-1-2');
check('reduce', arr.reduce(function (a, b) { return a + b; }, 0), 6);
check('reduceRight', ['a', 'b'].reduceRight(function (a, b) { return a + b; }), 'ba');
check('sort', arr.slice().sort().join(), '1,2,3');
check('reverse', [1, 2].reverse().join(), '2,1');
var stack = [1]; stack.push(2, 3);
check('push', stack.join(), '1,2,3');
check('pop', stack.pop(), 3);
check('shift', stack.shift(), 1);
stack.unshift(0);
check('unshift', stack.join(), '0,2');
check('slice', [1, 2, 3, 4].slice(1, 3).join(), '2,3');
var spliced = [1, 2, 3, 4]; spliced.splice(1, 2, 'x');
check('splice', spliced.join(), '1,x,4');
check('toString', [1, [2, 3]].toString(), '1,2,3');
var grown = []; grown.length = 3;
check('length setter', grown.length, 3);
check('Array()', new Array(4).length, 4);

// Errors
var errorNames = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'InternalError'];
for (var i = 0; i < errorNames.length; i++) {
  var ctor = globalThis[errorNames[i]];
  var err = new ctor('m' + i);
  check(errorNames[i] + '.name', err.name, errorNames[i]);
  check(errorNames[i] + '.message', err.message, 'm' + i);
  check(errorNames[i] + ' instanceof Error', err instanceof Error, true);
  check(errorNames[i] + '.toString', err.toString(), errorNames[i] + ': m' + i);
  check(errorNames[i] + '.stack', typeof err.stack, 'string');
}
check('TypeError thrown', throwsName(function () { null.x; }), 'TypeError');
check('ReferenceError thrown', throwsName(function () { return nope; }), 'ReferenceError');
check('RangeError thrown', throwsName(function () { (1).toFixed(500); }), 'RangeError');

// Math
check('Math.abs', Math.abs(-2), 2);
check('Math.acos', Math.acos(1), 0);
check('Math.asin', Math.asin(0), 0);
check('Math.atan', Math.atan(0), 0);
check('Math.atan2', Math.atan2(0, 1), 0);
check('Math.ceil', Math.ceil(1.2), 2);
check('Math.clz32', Math.clz32(1), 31);
check('Math.cos', Math.cos(0), 1);
check('Math.exp', Math.exp(0), 1);
check('Math.floor', Math.floor(-1.5), -2);
check('Math.fround', Math.fround(5.5), 5.5);
check('Math.imul', Math.imul(3, 4), 12);
check('Math.log', Math.log(Math.E), 1);
check('Math.log10', Math.log10(1000), 3);
check('Math.log2', Math.log2(8), 3);
check('Math.max', Math.max(1, 5, 3), 5);
check('Math.min', Math.min(1, 5, 3), 1);
check('Math.pow', Math.pow(2, 10), 1024);
var r = Math.random();
check('Math.random', r >= 0 && r < 1, true);
check('Math.round', Math.round(2.5), 3);
check('Math.sign', Math.sign(-3), -1);
check('Math.sin', Math.sin(0), 0);
check('Math.sqrt', Math.sqrt(81), 9);
check('Math.tan', Math.tan(0), 0);
check('Math.trunc', Math.trunc(-4.7), -4);
check('Math constants', [Math.PI, Math.E, Math.LN2, Math.LN10, Math.LOG2E, Math.LOG10E, Math.SQRT2, Math.SQRT1_2].join(),
      '3.141592653589793,2.718281828459045,0.6931471805599453,2.302585092994046,1.4426950408889634,0.4342944819032518,1.4142135623730951,0.7071067811865476');

// JSON
check('JSON.stringify', JSON.stringify({a: [1, 'x', null]}), '{"a":[1,"x",null]}');
// The engine's JSON is a subset: no indentation and no reviver (see docs/globals.md).
check('JSON.stringify indent ignored', JSON.stringify([1], null, 1), '[1]');
check('JSON.parse', JSON.parse('{"k":[true,2]}').k[1], 2);
check('JSON.parse reviver ignored', JSON.parse('[1,2]', function (k, v) { return 0; })[1], 2);

// RegExp
var re = /(\w+)@(\w+)/g;
var m = re.exec('me@host you@there');
check('exec', m[2], 'host');
check('lastIndex', re.lastIndex, 7);
re.lastIndex = 0;
check('lastIndex setter', re.lastIndex, 0);
check('test', /^a+$/.test('aaa'), true);
check('source', re.source, '(\\w+)@(\\w+)');
check('flags', /x/gi.flags, 'gi');
check('RegExp()', new RegExp('b+', 'g').test('abbb'), true);

// Typed arrays and ArrayBuffer
var buffer = new ArrayBuffer(16);
check('ArrayBuffer.byteLength', buffer.byteLength, 16);
var typed = [
  [Uint8ClampedArray, 1, 300, 255], [Int8Array, 1, 200, -56], [Uint8Array, 1, 300, 44],
  [Int16Array, 2, 40000, -25536], [Uint16Array, 2, 70000, 4464], [Int32Array, 4, 3000000000, -1294967296],
  [Uint32Array, 4, -1, 4294967295], [Float32Array, 4, 0.1, Math.fround(0.1)], [Float64Array, 8, 0.1, 0.1]
];
for (var t = 0; t < typed.length; t++) {
  var T = typed[t][0];
  var view = new T(4);
  view[0] = typed[t][2];
  check(T.name + ' store', view[0], typed[t][3]);
  check(T.name + '.BYTES_PER_ELEMENT', T.BYTES_PER_ELEMENT, typed[t][1]);
  check(T.name + '.prototype.BYTES_PER_ELEMENT', view.BYTES_PER_ELEMENT, typed[t][1]);
  check(T.name + ' length/byteLength', view.length + '/' + view.byteLength, '4/' + 4 * typed[t][1]);
}
var bytes = new Uint8Array(buffer, 4, 8);
check('byteOffset', bytes.byteOffset, 4);
check('buffer', bytes.buffer === buffer, true);
check('subarray', bytes.subarray(2, 4).length, 2);
var copied = new Int16Array(4);
copied.set([-1, 2], 2);
check('TypedArray.prototype.set', copied.join(), '0,0,-1,2');
check('typed join', new Uint8Array([1, 2]).join('+'), '1+2');
check('typed toString', new Int8Array([-1, 1]).toString(), '-1,1');

// Date: only Date.now()
check('Date.now', typeof Date.now(), 'number');
check('new Date', throwsName(function () { return new Date(); }), 'TypeError');

// Globals
check('parseInt', parseInt('12px'), 12);
check('parseFloat', parseFloat('1.5e1'), 15);
check('isNaN', isNaN('x'), true);
check('isFinite', isFinite(1 / 0), false);
check('Infinity', Infinity, 1 / 0);
check('NaN', NaN !== NaN, true);
check('undefined', undefined, void 0);
check('globalThis', globalThis.Math === Math, true);
check('indirect eval', (1, eval)('6 * 7'), 42);
print('print works');
console.log('console.log works');

// What is deliberately absent: nothing that reaches outside the sandbox.
var absent = ['load', 'setTimeout', 'clearTimeout', 'gc', 'performance', 'require', 'process', 'os', 'std'];
for (var a = 0; a < absent.length; a++) check('absent ' + absent[a], typeof globalThis[absent[a]], 'undefined');

failures
