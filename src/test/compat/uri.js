// The URI functions (ES5 15.1.3) and escape/unescape (Annex B.2.1, B.2.2) against Node, on
// generated strings: every kind of code unit (reserved, unreserved, multi-byte, lone and paired
// surrogates) and escapes well and badly formed.
// setup
var seed = 20240704;
function next() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
}
function pick(xs) { return xs[next() % xs.length]; }
function outcome(f, x) {
  try {
    return f(x);
  } catch (e) {
    return 'throws ' + e.name;
  }
}
var UNITS = [0x41, 0x7a, 0x30, 0x39, 0x20, 0x25, 0x23, 0x3b, 0x2f, 0x3f, 0x3a, 0x40, 0x26, 0x3d, 0x2b, 0x24,
  0x2c, 0x2d, 0x5f, 0x2e, 0x21, 0x7e, 0x2a, 0x27, 0x28, 0x29, 0x7f, 0x80, 0xe9, 0xff, 0x100, 0x7ff, 0x800,
  0x20ac, 0xfffd, 0xffff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xd83d, 0xde00, 0x0, 0xa, 0x75];
function randomString(length) {
  var s = '';
  for (var i = 0; i < length; i++) s += String.fromCharCode(pick(UNITS));
  return s;
}
var strings = [];
for (var i = 0; i < 400; i++) strings.push(randomString(next() % 7));
// paired surrogates more often than chance gives them
for (i = 0; i < 50; i++) strings.push(randomString(2) + '\ud83d\ude00' + randomString(1) + '\udbff\udfff');
var HEX = '0123456789abcdefABCDEF';
var OCTETS = [0x00, 0x23, 0x25, 0x2f, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef,
  0xf0, 0xf4, 0xf5, 0xf8, 0xff, 0x9f, 0xa0, 0x8f, 0x90];
function escapeOf(octet) {
  return '%' + HEX.charAt(octet >> 4) + (next() % 2 ? HEX.charAt(octet & 15) : HEX.charAt(octet & 15).toLowerCase());
}
function randomEscapes() {
  var s = '', n = next() % 6, k;
  for (k = 0; k < n; k++) {
    var r = next() % 10;
    if (r < 6) s += escapeOf(pick(OCTETS));
    else if (r < 8) s += pick(['a', '/', '%', '%4', '%G1', '%%', 'x%']);
    else s += escapeOf(0xc2 + next() % 30) + escapeOf(0x80 + next() % 64);
  }
  return s;
}
var escapes = [];
for (i = 0; i < 600; i++) escapes.push(randomEscapes());
// valid UTF-8 of random code points, as encodeURIComponent writes them, upper and lower case
for (i = 0; i < 100; i++) {
  var cp = next() % 0x110000;
  if (cp >= 0xd800 && cp <= 0xdfff) cp -= 0x800;
  escapes.push(encodeURIComponent(String.fromCodePoint(cp)));
  escapes.push(encodeURIComponent(String.fromCodePoint(cp)).toLowerCase());
}
var unescapes = [];
var UNESCAPE_PIECES = ['%', 'u', 'U', '0', '4', '1', 'a', 'F', 'g', 'x', '%u', '%u00', '%41', '%e9', '%u20AC', '%uD83D'];
for (i = 0; i < 400; i++) {
  var t = '';
  for (var j = next() % 6; j > 0; j--) t += pick(UNESCAPE_PIECES);
  unescapes.push(t);
}
// calls
// every engine
[encodeURIComponent('a b&c/\u00e9\u20ac\ud83d\ude00'), encodeURI('http://x.org/a b?q=1&r=\u00e9#frag'), decodeURIComponent('%E2%82%AC%20'), decodeURI('%23%2F%3B%3f%20')]
// every engine
['\ud800', '\udc00', 'a\ud800b', '\ud800\ud800'].map(function (s) { return outcome(encodeURIComponent, s); })
// every engine
['%', '%4', '%G0', '%C0%80', '%ED%A0%80', '%F4%90%80%80', '%E2%82', '%E2%82%4', '%80', '%FF', '%e2%82%ac'].map(function (s) { return outcome(decodeURIComponent, s); })
strings.map(function (s) { return outcome(encodeURIComponent, s); })
strings.map(function (s) { return outcome(encodeURI, s); })
escapes.map(function (s) { return outcome(decodeURIComponent, s); })
escapes.map(function (s) { return outcome(decodeURI, s); })
strings.map(function (s) { return outcome(function (x) { return decodeURIComponent(encodeURIComponent(x)) === x; }, s); })
strings.map(function (s) { return outcome(function (x) { return decodeURI(encodeURI(x)) === x; }, s); })
[encodeURIComponent(), encodeURI(undefined), encodeURIComponent(null), encodeURIComponent(12.5), encodeURIComponent({toString: function () { return 'a b'; }}), decodeURI(), decodeURIComponent(true)]
[encodeURIComponent.length, encodeURI.length, decodeURIComponent.length, decodeURI.length, escape.length, unescape.length]
// every engine
[escape('\u00e4 b\u20ac@*_+-./'), unescape('%E4%20b%u20AC%zz%u12'), escape(), unescape(null)]
strings.map(function (s) { return escape(s); })
unescapes.map(function (s) { return unescape(s); })
strings.map(function (s) { return unescape(escape(s)) === s; })
