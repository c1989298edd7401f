// Errors: the ES5 way of writing an error subclass, writable message and stack, and the
// generic Error.prototype.toString (ES5 15.11.4.4).
// setup
function outcome(f) {
  try {
    return f();
  } catch (e) {
    return 'throws ' + e.name;
  }
}
function ParseError(message, line) {
  this.message = message;
  this.name = 'ParseError';
  this.line = line;
}
ParseError.prototype = Object.create(Error.prototype);
ParseError.prototype.constructor = ParseError;
// calls
// every engine
[new ParseError('boom', 3).message, String(new ParseError('boom', 3)), new ParseError('x') instanceof Error, Object.keys(new ParseError('x', 1)), new ParseError('x').line]
// every engine
outcome(function () { try { throw new ParseError('bad input', 7); } catch (e) { return [e.name, e.message, e.line, e instanceof ParseError, e.toString()]; } })
// the engine makes every property enumerable, an assigned message too
// differs: ["b",["message"]]
outcome(function () { var e = new Error('a'); e.message = 'b'; return [e.message, Object.keys(e)]; })
outcome(function () { var e = new TypeError('a'); e.stack = 'custom'; return e.stack; })
[String(new Error()), String(new TypeError('t')), String(new Error('')), String(new RangeError('r'))]
[Error.prototype.toString.call({name: 'N', message: 'm'}), Error.prototype.toString.call({}), Error.prototype.toString.call({name: '', message: 'm'}), Error.prototype.toString.call({name: 'N', message: ''}), Error.prototype.toString.call({name: undefined, message: undefined})]
[outcome(function () { return Error.prototype.toString.call(1); }), outcome(function () { return Error.prototype.toString.call(undefined); })]
outcome(function () { function Sub(m) { var e = new Error(m); Object.setPrototypeOf(e, Sub.prototype); return e; } Sub.prototype = Object.create(Error.prototype); Sub.prototype.name = 'Sub'; return String(new Sub('s')); })
