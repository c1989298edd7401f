// Date (ES5 15.9 with the ES2015+ refinements) against Node run with TZ=UTC, on generated time
// values, fields, setters and strings. The sandbox's local time is UTC.
// setup
var seed = 19700101;
function next() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
}
function pick(xs) { return xs[next() % xs.length]; }
function between(lo, hi) { return lo + (next() / 4294967296) * (hi - lo); }
function outcome(f) {
  try {
    return f();
  } catch (e) {
    return 'throws ' + e.name;
  }
}
function fields(d) {
  var t = d.getTime();
  if (t !== t) {
    return ['invalid', String(d), d.toString(), d.toUTCString(), d.toDateString(), d.toTimeString(), d.toJSON(),
      d.getFullYear(), d.getUTCMonth(), d.getDay(), d.getTimezoneOffset(), d.getYear(), d.toLocaleString(),
      outcome(function () { return d.toISOString(); })];
  }
  return [t, d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(),
    d.getMilliseconds(), d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(),
    d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds(), d.getTimezoneOffset(), d.getYear(), d.valueOf(),
    d.toISOString(), d.toJSON(), d.toString(), d.toUTCString(), d.toGMTString(), d.toDateString(), d.toTimeString()];
}
function localeFields(d) {
  return [d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString()];
}
var EDGES = [0, -1, 1, 999, -999, 86399999, 86400000, -86400000, -86400001, 951782400000, 951868800000,
  -62135596800000, -62135596800001, -62198755200000, 253402300799999, 253402300800000, 8.64e15, -8.64e15,
  8.64e15 + 1, -8.64e15 - 1, 0.5, -0.5, 1.9, -1.9, NaN, Infinity, -Infinity, -0, 1e20, 4102444800000];
var times = EDGES.slice();
for (var i = 0; i < 300; i++) times.push(Math.floor(between(-8.64e15, 8.64e15)));
for (i = 0; i < 300; i++) times.push(Math.floor(between(-2208988800000, 4102444800000)));
var FIELD_VALUES = [0, 1, 2, 11, 12, 13, -1, -13, 30, 31, 32, 59, 60, 99, 100, 1969, 1970, 2000, 2024, 24, 23,
  999, 1000, -1000, 1.5, -0.5, NaN, Infinity, '7', null, true, undefined, 275760, -271821];
function fieldArgs() {
  var args = [pick([1970, 2000, 2024, 1900, 99, 0, 50, -1, 1e6, 275760, -271821, NaN, '2020', 1.9])];
  for (var k = next() % 7; k > 0; k--) args.push(pick(FIELD_VALUES));
  return args;
}
var fieldLists = [];
for (i = 0; i < 400; i++) fieldLists.push(fieldArgs());
function construct(args) {
  switch (args.length) {
    case 1: return new Date(args[0], 0);
    case 2: return new Date(args[0], args[1]);
    case 3: return new Date(args[0], args[1], args[2]);
    case 4: return new Date(args[0], args[1], args[2], args[3]);
    case 5: return new Date(args[0], args[1], args[2], args[3], args[4]);
    case 6: return new Date(args[0], args[1], args[2], args[3], args[4], args[5]);
    default: return new Date(args[0], args[1], args[2], args[3], args[4], args[5], args[6]);
  }
}
var SETTERS = ['setMilliseconds', 'setUTCMilliseconds', 'setSeconds', 'setUTCSeconds', 'setMinutes',
  'setUTCMinutes', 'setHours', 'setUTCHours', 'setDate', 'setUTCDate', 'setMonth', 'setUTCMonth', 'setFullYear',
  'setUTCFullYear', 'setTime', 'setYear'];
// [time value, setter, arguments], made here so that every engine runs the same ones
var setterCases = [];
for (i = 0; i < 400; i++) {
  var setterArgs = [];
  for (var k = next() % 5; k > 0; k--) setterArgs.push(pick(FIELD_VALUES));
  setterCases.push([pick([0, 951782400000, -1, NaN, 1700000000123, 8.64e15, -62198755200000]), pick(SETTERS), setterArgs]);
}
function applySetter(c) {
  var d = new Date(c[0]);
  var returned = d[c[1]].apply(d, c[2]);
  return [c[1], c[2].length, returned, d.getTime()];
}
function two(n) { return (n < 10 ? '0' : '') + n; }
function isoString() {
  var year = next() % 10 === 0 ? pick(['+', '-']) + ('00000' + (1 + next() % 275000)).slice(-6) : ('000' + next() % 10000).slice(-4);
  var s = year;
  if (next() % 5 > 0) {
    s += '-' + two(next() % 14);
    if (next() % 5 > 0) s += '-' + two(next() % 33);
  }
  if (next() % 3 > 0 && s.length >= 10) {
    s += 'T' + two(next() % 26) + ':' + two(next() % 61);
    if (next() % 3 > 0) {
      s += ':' + two(next() % 62);
      if (next() % 2 > 0) s += '.' + String(next() % 10000).slice(0, 1 + next() % 4);
    }
    var zone = next() % 4;
    if (zone === 1) s += 'Z';
    if (zone === 2) s += pick(['+', '-']) + two(next() % 26) + ':' + two(next() % 62);
  }
  return s;
}
var isoStrings = ['2020-01-01T24:00', '2020-01-01T24:00:00.000Z', '2020-01-01T24:00:01', '2020-02-30', '2021-02-29',
  '+275760-09-13T00:00:00.000Z', '+275760-09-13T00:00:00.001Z', '-271821-04-20T00:00:00Z', '-271821-04-19T23:59:59.999Z',
  '2020-01-01T12:30:45.1234Z', '2020-01-01T12:30:45.9999Z', '1970-01-01T00:00:00.000+00:00', '2020', '2020-02', '',
  'x', '2020-01-01T12', '2020-01-01T12:3', '2020-01-01T12:30:45.Z', '+002020-01-01'];
for (i = 0; i < 500; i++) isoStrings.push(isoString());
// calls
// every engine
[new Date(0).toISOString(), new Date(2020, 1, 29, 12, 30).toISOString(), Date.UTC(2024, 6, 4), Date.parse('2020-01-01T12:30:45+05:30'), new Date(86400000).toString(), new Date(-1).getUTCFullYear()]
// every engine
[Date.length, Date.UTC.length, Date.parse.length, Date.prototype.setHours.length, Date.prototype.setUTCSeconds.length, Date.prototype.toJSON.length, Date.name, typeof Date.now, typeof Date(), Date.prototype.toGMTString === Date.prototype.toUTCString]
times.map(function (t) { return fields(new Date(t)); })
times.filter(function (t) { return Math.abs(t) < 2.5e14; }).map(function (t) { return localeFields(new Date(t)); })
// every engine
fieldLists.slice(0, 20).map(function (args) { return construct(args).getTime(); })
fieldLists.map(function (args) { return construct(args).getTime(); })
fieldLists.map(function (args) { return Date.UTC.apply(null, args); })
[Date.UTC(), Date.UTC(2020), Date.UTC(99), Date.UTC(100), Date.UTC(-1, 0), Date.UTC(2020, 0, 1, 0, 0, 0, 0.9), Date.UTC('2020', '1')]
setterCases.map(applySetter)
// every engine
isoStrings.slice(0, 20).map(function (s) { return Date.parse(s); })
isoStrings.map(function (s) { return Date.parse(s); })
isoStrings.map(function (s) { return new Date(s).getTime(); })
// (from the year 1000 on: Node's own parser reads a year such as 0001 in toString's text as 2001)
times.filter(function (t) { return t === t && Math.abs(t) <= 8.64e15 && new Date(t).getUTCFullYear() >= 1000; }).map(function (t) { var d = new Date(t - t % 1000); return [Date.parse(d.toString()) === d.getTime(), Date.parse(d.toUTCString()) === d.getTime(), Date.parse(d.toISOString()) === d.getTime()]; })
[new Date(new Date(5)).getTime(), new Date('2020-01-01').getTime(), new Date({valueOf: function () { return 7; }}).getTime(), new Date(true).getTime(), new Date(null).getTime(), new Date(undefined).getTime(), new Date('').getTime(), new Date([2020]).getTime(), new Date({toString: function () { return '1999'; }, valueOf: undefined}).getTime()]
[+new Date(5), new Date(5) - new Date(3), new Date(5) < new Date(6), new Date(5).valueOf() === 5, String(new Date(NaN)), isNaN(new Date(NaN))]
[outcome(function () { return Date.prototype.getTime.call({}); }), outcome(function () { return Date.prototype.getTime.call(Date.prototype); }), outcome(function () { return new Date(NaN).toISOString(); }), outcome(function () { return Date.prototype.setTime.call(5, 1); }), outcome(function () { return Date.prototype.toString.call(Object.create(Date.prototype)); })]
[Date.prototype.toJSON.call({toISOString: function () { return 'x'; }}), new Date(NaN).toJSON(), Date.prototype.toJSON.call({valueOf: function () { return Infinity; }, toISOString: function () { return 'y'; }}), outcome(function () { return Date.prototype.toJSON.call({}); })]
[Object.prototype.toString.call(new Date()), new Date() instanceof Date, new Date().constructor === Date, Object.keys(new Date(0)).length, typeof new Date(), typeof Date.prototype]
// the engine's JSON.stringify calls no toJSON, so a Date in JSON is an empty object
// differs: "{\"d\":{}}"
JSON.stringify({d: new Date(0)})
// in the engine + asks valueOf first for a Date too (ES asks toString first for Dates)
// differs: "0"
'' + new Date(0)
