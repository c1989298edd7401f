// The compatibility prelude (docs/compatibility.md): the ES5 and Annex B builtins mquickjs lacks,
// a few later methods ES5-era packages call, corrections of engine builtins that deviate from
// the specification, and the global aliases libraries probe for; all written here from the
// specification. It is evaluated once into a template context, so each sandbox starts with it at
// no cost. Every definition keeps the engine's rules: a property is always enumerable here,
// whatever its descriptor says.
(function (global) {
  var hasOwn = Object.prototype.hasOwnProperty;
  var objectToString = Object.prototype.toString;
  var getPrototypeOf = Object.getPrototypeOf;
  var fromCharCode = String.fromCharCode;

  // Builtin methods are writable, configurable and not enumerable (ES5 15).
  function define(target, name, value) {
    Object.defineProperty(target, name, {value: value, writable: true, enumerable: false, configurable: true});
  }

  function isObject(value) {
    return value !== null && (typeof value === 'object' || typeof value === 'function');
  }

  function requireObjectCoercible(value, method) {
    if (value === null || value === undefined) {
      throw new TypeError(method + ' called on null or undefined');
    }
    return value;
  }

  // ToIntegerOrInfinity (ES2020 7.1.5)
  function toInteger(value) {
    var n = Number(value);
    if (n !== n) return 0;
    return Math.trunc(n);
  }

  // ---- Global aliases: what UMD wrappers and bundlers look for (never window: there is no DOM)

  define(global, 'self', global);
  define(global, 'global', global);
  if (!hasOwn.call(global, 'globalThis')) define(global, 'globalThis', global);

  // ---- URI handling (ES5 15.1.3)

  var HEX = '0123456789ABCDEF';
  var ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  var URI_MARK = "-_.!~*'()";
  var URI_RESERVED = ';/?:@&=+$,';

  // A lookup table over the ASCII code units: true for those in chars.
  function asciiSet(chars) {
    var set = [], i;
    for (i = 0; i < 128; i++) set.push(false);
    for (i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = true;
    return set;
  }

  var URI_UNESCAPED = asciiSet(ALPHANUMERIC + URI_MARK);
  var URI_UNESCAPED_OR_RESERVED = asciiSet(ALPHANUMERIC + URI_MARK + URI_RESERVED + '#');
  var URI_RESERVED_OR_HASH = asciiSet(URI_RESERVED + '#');
  var NOTHING_RESERVED = asciiSet('');

  function hexValue(code) {
    if (code >= 48 && code <= 57) return code - 48;
    if (code >= 65 && code <= 70) return code - 55;
    if (code >= 97 && code <= 102) return code - 87;
    return -1;
  }

  function percentOctet(octet) {
    return '%' + HEX.charAt(octet >> 4) + HEX.charAt(octet & 15);
  }

  function utf8Escapes(cp) {
    if (cp < 0x80) return percentOctet(cp);
    if (cp < 0x800) return percentOctet(0xc0 | cp >> 6) + percentOctet(0x80 | cp & 63);
    if (cp < 0x10000) {
      return percentOctet(0xe0 | cp >> 12) + percentOctet(0x80 | cp >> 6 & 63) + percentOctet(0x80 | cp & 63);
    }
    return percentOctet(0xf0 | cp >> 18) + percentOctet(0x80 | cp >> 12 & 63) +
      percentOctet(0x80 | cp >> 6 & 63) + percentOctet(0x80 | cp & 63);
  }

  function uriError() {
    return new URIError('URI malformed');
  }

  // Encode(string, unescapedSet): runs of unescaped characters are copied as slices.
  function encode(string, unescaped) {
    var parts = [], start = 0, k = 0, length = string.length, c, next;
    while (k < length) {
      c = string.charCodeAt(k);
      if (c < 128 && unescaped[c]) {
        k++;
        continue;
      }
      if (start < k) parts.push(string.slice(start, k));
      if (c >= 0xdc00 && c <= 0xdfff) throw uriError();
      if (c >= 0xd800 && c <= 0xdbff) {
        next = k + 1 < length ? string.charCodeAt(k + 1) : 0;
        if (next < 0xdc00 || next > 0xdfff) throw uriError();
        parts.push(utf8Escapes((c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000));
        k += 2;
      } else {
        parts.push(utf8Escapes(c));
        k++;
      }
      start = k;
    }
    if (start === 0) return string;
    if (start < length) parts.push(string.slice(start));
    return parts.join('');
  }

  // The octet escaped as %XY at k, or a URIError.
  function escapedOctet(string, k) {
    if (k + 2 >= string.length || string.charCodeAt(k) !== 37) throw uriError();
    var high = hexValue(string.charCodeAt(k + 1)), low = hexValue(string.charCodeAt(k + 2));
    if (high < 0 || low < 0) throw uriError();
    return high * 16 + low;
  }

  // Decode(string, reservedSet): an escaped reserved character stays escaped, as written.
  function decode(string, reserved) {
    var parts = [], start = 0, k = 0, length = string.length, escapeStart, b, count, cp, min, j;
    while (k < length) {
      if (string.charCodeAt(k) !== 37) {
        k++;
        continue;
      }
      escapeStart = k;
      b = escapedOctet(string, k);
      k += 3;
      if (b < 0x80) {
        if (reserved[b]) continue;
        cp = b;
      } else {
        if ((b & 0xe0) === 0xc0) { count = 2; cp = b & 0x1f; min = 0x80; }
        else if ((b & 0xf0) === 0xe0) { count = 3; cp = b & 0x0f; min = 0x800; }
        else if ((b & 0xf8) === 0xf0) { count = 4; cp = b & 0x07; min = 0x10000; }
        else throw uriError();
        if (escapeStart + 2 + 3 * (count - 1) >= length) throw uriError();
        for (j = 1; j < count; j++) {
          b = escapedOctet(string, k);
          if ((b & 0xc0) !== 0x80) throw uriError();
          cp = cp << 6 | b & 0x3f;
          k += 3;
        }
        // overlong forms, surrogates and code points past U+10FFFF are not UTF-8
        if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) throw uriError();
      }
      if (start < escapeStart) parts.push(string.slice(start, escapeStart));
      if (cp < 0x10000) {
        parts.push(fromCharCode(cp));
      } else {
        cp -= 0x10000;
        parts.push(fromCharCode(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)));
      }
      start = k;
    }
    if (start === 0) return string;
    if (start < length) parts.push(string.slice(start));
    return parts.join('');
  }

  define(global, 'encodeURIComponent', function encodeURIComponent(uriComponent) {
    return encode(String(uriComponent), URI_UNESCAPED);
  });
  define(global, 'encodeURI', function encodeURI(uri) {
    return encode(String(uri), URI_UNESCAPED_OR_RESERVED);
  });
  define(global, 'decodeURIComponent', function decodeURIComponent(encodedURIComponent) {
    return decode(String(encodedURIComponent), NOTHING_RESERVED);
  });
  define(global, 'decodeURI', function decodeURI(encodedURI) {
    return decode(String(encodedURI), URI_RESERVED_OR_HASH);
  });

  // ---- escape and unescape (Annex B.2.1, B.2.2)

  var ESCAPE_KEPT = asciiSet(ALPHANUMERIC + '@*_+-./');

  define(global, 'escape', function escape(string) {
    string = String(string);
    var parts = [], start = 0, k, c;
    for (k = 0; k < string.length; k++) {
      c = string.charCodeAt(k);
      if (c < 128 && ESCAPE_KEPT[c]) continue;
      if (start < k) parts.push(string.slice(start, k));
      parts.push(c < 256 ? percentOctet(c) :
        '%u' + HEX.charAt(c >> 12) + HEX.charAt(c >> 8 & 15) + HEX.charAt(c >> 4 & 15) + HEX.charAt(c & 15));
      start = k + 1;
    }
    if (start === 0) return string;
    if (start < string.length) parts.push(string.slice(start));
    return parts.join('');
  });

  // The value of count hex digits at k, or -1.
  function hexRun(string, k, count) {
    var value = 0, digit, i;
    for (i = 0; i < count; i++) {
      digit = hexValue(string.charCodeAt(k + i));
      if (digit < 0) return -1;
      value = value * 16 + digit;
    }
    return value;
  }

  define(global, 'unescape', function unescape(string) {
    string = String(string);
    var parts = [], start = 0, k = 0, length = string.length, code, width;
    while (k < length) {
      if (string.charCodeAt(k) !== 37) {
        k++;
        continue;
      }
      code = -1;
      if (k + 6 <= length && string.charCodeAt(k + 1) === 117) {
        code = hexRun(string, k + 2, 4);
        width = 6;
      }
      if (code < 0 && k + 3 <= length) {
        code = hexRun(string, k + 1, 2);
        width = 3;
      }
      if (code < 0) {
        k++;
        continue;
      }
      if (start < k) parts.push(string.slice(start, k));
      parts.push(fromCharCode(code));
      k += width;
      start = k;
    }
    if (start === 0) return string;
    if (start < length) parts.push(string.slice(start));
    return parts.join('');
  });

  // ---- Object

  // ToPropertyDescriptor (ES5 8.10.5): each field read once, the result checked before use.
  function toPropertyDescriptor(attributes) {
    if (!isObject(attributes)) throw new TypeError('Property description must be an object: ' + String(attributes));
    var descriptor = {};
    if ('enumerable' in attributes) descriptor.enumerable = !!attributes.enumerable;
    if ('configurable' in attributes) descriptor.configurable = !!attributes.configurable;
    if ('value' in attributes) descriptor.value = attributes.value;
    if ('writable' in attributes) descriptor.writable = !!attributes.writable;
    if ('get' in attributes) {
      descriptor.get = attributes.get;
      if (descriptor.get !== undefined && typeof descriptor.get !== 'function') {
        throw new TypeError('Getter must be a function: ' + String(descriptor.get));
      }
    }
    if ('set' in attributes) {
      descriptor.set = attributes.set;
      if (descriptor.set !== undefined && typeof descriptor.set !== 'function') {
        throw new TypeError('Setter must be a function: ' + String(descriptor.set));
      }
    }
    if (('get' in descriptor || 'set' in descriptor) && ('value' in descriptor || 'writable' in descriptor)) {
      throw new TypeError('Invalid property descriptor. Cannot both specify accessors and a value or writable attribute');
    }
    return descriptor;
  }

  // ES5 15.2.3.7: every descriptor is read and checked before any property is defined.
  define(Object, 'defineProperties', function defineProperties(object, properties) {
    if (!isObject(object)) throw new TypeError('Object.defineProperties called on non-object');
    requireObjectCoercible(properties, 'Object.defineProperties');
    if (typeof properties === 'string' && properties.length > 0) {
      throw new TypeError('Property description must be an object: ' + properties.charAt(0));
    }
    var keys = isObject(properties) ? Object.keys(properties) : [], descriptors = [], i;
    for (i = 0; i < keys.length; i++) descriptors.push(toPropertyDescriptor(properties[keys[i]]));
    for (i = 0; i < keys.length; i++) Object.defineProperty(object, keys[i], descriptors[i]);
    return object;
  });

  // ES5 15.2.4.7. The engine makes every own property enumerable, so for objects this is
  // hasOwnProperty; a string's own properties are its indices (its length is not enumerable).
  define(Object.prototype, 'propertyIsEnumerable', function propertyIsEnumerable(key) {
    key = String(key);
    var self = requireObjectCoercible(this, 'Object.prototype.propertyIsEnumerable');
    if (typeof self === 'string') {
      var index = +key;
      return String(index) === key && index === Math.floor(index) && index >= 0 && index < self.length;
    }
    return isObject(self) && hasOwn.call(self, key);
  });

  // ES5 15.2.3.5: the engine's Object.create refuses a second argument, even undefined.
  var nativeCreate = Object.create;
  define(Object, 'create', function create(proto, properties) {
    if (proto !== null && !isObject(proto)) throw new TypeError('Object prototype may only be an Object or null: ' + String(proto));
    var object = nativeCreate(proto);
    return properties === undefined ? object : Object.defineProperties(object, properties);
  });

  // ES5 15.2.3.4. A string's indices and an array's length are own properties the engine's
  // Object.keys does not list; everything else it lists is all there is.
  define(Object, 'getOwnPropertyNames', function getOwnPropertyNames(object) {
    var names, i;
    requireObjectCoercible(object, 'Object.getOwnPropertyNames');
    if (typeof object === 'string') {
      names = [];
      for (i = 0; i < object.length; i++) names.push(String(i));
      names.push('length');
      return names;
    }
    if (!isObject(object)) return [];
    names = Object.keys(object);
    if (Array.isArray(object)) names.push('length');
    return names;
  });

  // ES5 15.2.4.6
  define(Object.prototype, 'isPrototypeOf', function isPrototypeOf(value) {
    if (!isObject(value)) return false;
    var self = requireObjectCoercible(this, 'Object.prototype.isPrototypeOf');
    for (value = getPrototypeOf(value); value !== null; value = getPrototypeOf(value)) {
      if (value === self) return true;
    }
    return false;
  });

  // ES5 15.2.4.3
  define(Object.prototype, 'toLocaleString', function toLocaleString() {
    return requireObjectCoercible(this, 'Object.prototype.toLocaleString').toString();
  });

  // ES5 15.2.4.4, 15.5.4.3, 15.7.4.4, 15.6.4.3: the engine has no wrapper objects, so each
  // value is its own primitive.
  define(Object.prototype, 'valueOf', function valueOf() {
    return requireObjectCoercible(this, 'Object.prototype.valueOf');
  });
  function primitiveValueOf(type, method) {
    return function valueOf() {
      if (typeof this !== type) throw new TypeError(method + ' requires that \'this\' be a ' + type);
      return this;
    };
  }
  define(String.prototype, 'valueOf', primitiveValueOf('string', 'String.prototype.valueOf'));
  define(Number.prototype, 'valueOf', primitiveValueOf('number', 'Number.prototype.valueOf'));
  define(Boolean.prototype, 'valueOf', primitiveValueOf('boolean', 'Boolean.prototype.valueOf'));

  // ES5 15.6.4.2 (the engine's true.toString() came from Object.prototype)
  define(Boolean.prototype, 'toString', function toString() {
    if (typeof this !== 'boolean') throw new TypeError('Boolean.prototype.toString requires that \'this\' be a Boolean');
    return this ? 'true' : 'false';
  });

  // ES2015 21.2.5.14
  define(RegExp.prototype, 'toString', function toString() {
    if (!isObject(this)) throw new TypeError('RegExp.prototype.toString requires that \'this\' be an Object');
    return '/' + String(this.source) + '/' + String(this.flags);
  });

  // ---- Errors. The engine's Error.prototype.message and stack are accessors without a
  // setter, so an error subclass written the ES5 way (this.message = m) threw. With a setter,
  // assigning defines an own property, as assigning to ES's data property does.
  ['message', 'stack'].forEach(function (name) {
    Object.defineProperty(Error.prototype, name, {
      set: function (value) {
        Object.defineProperty(this, name, {value: value, writable: true, enumerable: true, configurable: true});
      }
    });
  });

  // ES5 15.11.4.4: generic, so that it also serves objects made from Error.prototype.
  define(Error.prototype, 'toString', function toString() {
    if (!isObject(this)) throw new TypeError('Error.prototype.toString requires that \'this\' be an Object');
    var name = this.name, message = this.message;
    name = name === undefined ? 'Error' : String(name);
    message = message === undefined ? '' : String(message);
    if (name === '') return message;
    if (message === '') return name;
    return name + ': ' + message;
  });

  // ---- Later methods with an exact ES5 definition that ES5-era packages call (ES2015, 2016)

  function toLength(value) {
    var n = toInteger(value);
    return n <= 0 ? 0 : Math.min(n, 9007199254740991);
  }

  // ES2015 19.1.2.1
  define(Object, 'assign', function assign(target, sources) {
    var to = requireObjectCoercible(target, 'Object.assign'), i, j, from, keys;
    for (i = 1; i < arguments.length; i++) {
      from = arguments[i];
      if (from === null || from === undefined) continue;
      keys = typeof from === 'string' ? Object.getOwnPropertyNames(from).slice(0, -1) :
        isObject(from) ? Object.keys(from) : [];
      for (j = 0; j < keys.length; j++) to[keys[j]] = from[keys[j]];
    }
    return to;
  });

  // ES2016 22.1.3.11: SameValueZero, so NaN is found
  // (optional parameters are read from arguments, so that each length is the specified one)
  define(Array.prototype, 'includes', function includes(searchElement) {
    var o = requireObjectCoercible(this, 'Array.prototype.includes'), length = toLength(o.length), k, element;
    if (length === 0) return false;
    k = toInteger(arguments[1]);
    if (k < 0) k = Math.max(length + k, 0);
    for (; k < length; k++) {
      element = o[k];
      if (element === searchElement || (element !== element && searchElement !== searchElement)) return true;
    }
    return false;
  });

  // ES2015 22.1.3.8, 22.1.3.9: the index of the first element the predicate holds for
  function indexWhere(o, predicate, thisArg, method) {
    var length = toLength(requireObjectCoercible(o, method).length), k;
    if (typeof predicate !== 'function') throw new TypeError(String(predicate) + ' is not a function');
    for (k = 0; k < length; k++) {
      if (predicate.call(thisArg, o[k], k, o)) return k;
    }
    return -1;
  }
  define(Array.prototype, 'find', function find(predicate) {
    var k = indexWhere(this, predicate, arguments[1], 'Array.prototype.find');
    return k < 0 ? undefined : this[k];
  });
  define(Array.prototype, 'findIndex', function findIndex(predicate) {
    return indexWhere(this, predicate, arguments[1], 'Array.prototype.findIndex');
  });

  // ES2015 21.1.3.7, 21.1.3.18, 21.1.3.6: a RegExp is refused, as IsRegExp refuses it
  function searchString(search, method) {
    if (search instanceof RegExp) throw new TypeError('First argument to ' + method + ' must not be a regular expression');
    return String(search);
  }
  function clamp(n, length) {
    return Math.min(Math.max(n, 0), length);
  }
  define(String.prototype, 'includes', function includes(search) {
    var s = String(requireObjectCoercible(this, 'String.prototype.includes'));
    search = searchString(search, 'String.prototype.includes');
    return s.indexOf(search, clamp(toInteger(arguments[1]), s.length)) !== -1;
  });
  define(String.prototype, 'startsWith', function startsWith(search) {
    var s = String(requireObjectCoercible(this, 'String.prototype.startsWith'));
    search = searchString(search, 'String.prototype.startsWith');
    var start = clamp(toInteger(arguments[1]), s.length);
    return start + search.length <= s.length && s.substring(start, start + search.length) === search;
  });
  define(String.prototype, 'endsWith', function endsWith(search) {
    var s = String(requireObjectCoercible(this, 'String.prototype.endsWith'));
    search = searchString(search, 'String.prototype.endsWith');
    var endPosition = arguments[1];
    var end = endPosition === undefined ? s.length : clamp(toInteger(endPosition), s.length);
    var start = end - search.length;
    return start >= 0 && s.substring(start, end) === search;
  });

  // ---- String

  // Annex B.2.3
  define(String.prototype, 'substr', function substr(start, length) {
    var s = String(requireObjectCoercible(this, 'String.prototype.substr'));
    var size = s.length, from = toInteger(start);
    if (from === -Infinity) from = 0;
    else if (from < 0) from = Math.max(size + from, 0);
    else from = Math.min(from, size);
    var count = length === undefined ? size : Math.min(Math.max(toInteger(length), 0), size);
    var end = Math.min(from + count, size);
    return from >= end ? '' : s.substring(from, end);
  });

  // ---- String methods over regular expressions

  // ES5 15.5.4.10, 15.5.4.12: a pattern that is not a RegExp becomes one (the engine refused it).
  function toRegExp(pattern) {
    return pattern instanceof RegExp ? pattern : new RegExp(pattern === undefined ? '' : pattern);
  }

  // AdvanceStringIndex: past an empty match by a code point, as the engine matches code points.
  function advance(s, index) {
    var c = s.charCodeAt(index);
    return c >= 0xd800 && c <= 0xdbff && index + 1 < s.length && (s.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ?
      index + 2 : index + 1;
  }

  // Every match of a global regular expression, by exec (ES2015 21.2.5.6 and 21.2.5.8).
  function allMatches(rx, s) {
    var matches = [], m;
    rx.lastIndex = 0;
    while ((m = rx.exec(s)) !== null) {
      matches.push(m);
      if (m[0] === '') rx.lastIndex = advance(s, rx.lastIndex);
      // past the end exec fails in ES; the engine's would match the end again
      if (rx.lastIndex > s.length) break;
    }
    rx.lastIndex = 0;
    return matches;
  }

  function isGlobal(rx) {
    return String(rx.flags).indexOf('g') >= 0;
  }

  // The engine's match never got past an empty match of a global expression (it looped until
  // memory ran out); this one advances, as ES does.
  var nativeMatch = String.prototype.match;
  define(String.prototype, 'match', function match(regexp) {
    var s = String(requireObjectCoercible(this, 'String.prototype.match')), rx = toRegExp(regexp);
    if (!isGlobal(rx)) return nativeMatch.call(s, rx);
    var matches = allMatches(rx, s);
    return matches.length === 0 ? null : matches.map(function (m) { return m[0]; });
  });

  var nativeSearch = String.prototype.search;
  define(String.prototype, 'search', function search(regexp) {
    return nativeSearch.call(String(requireObjectCoercible(this, 'String.prototype.search')), toRegExp(regexp));
  });

  // GetSubstitution (ES2023 22.1.3.19.1): $$, $&, $`, $', $n and $nn.
  function substitution(matched, s, position, captures, template) {
    var out = '', i = 0, c, d, index, digits;
    while (i < template.length) {
      c = template.charAt(i);
      d = template.charAt(i + 1);
      if (c !== '$' || i + 1 >= template.length) {
        out += c;
        i++;
      } else if (d === '$') {
        out += '$';
        i += 2;
      } else if (d === '&') {
        out += matched;
        i += 2;
      } else if (d === '`') {
        out += s.slice(0, position);
        i += 2;
      } else if (d === "'") {
        out += s.slice(position + matched.length);
        i += 2;
      } else if (d >= '0' && d <= '9') {
        digits = template.charAt(i + 2) >= '0' && template.charAt(i + 2) <= '9' ? 2 : 1;
        index = +template.substr(i + 1, digits);
        if (digits === 2 && index > captures.length) {
          digits = 1;
          index = +d;
        }
        out += index >= 1 && index <= captures.length ?
          (captures[index - 1] === undefined ? '' : captures[index - 1]) : template.substr(i, 1 + digits);
        i += 1 + digits;
      } else {
        out += '$';
        i++;
      }
    }
    return out;
  }

  // The engine's replace with groups went wrong twice: a global expression kept a group's
  // capture from an earlier match when the group took no part in a later one
  // ('ab'.replace(/(a)|b/g, '[$1]') gave "[a][a]"), and $nn past the last group was not read as
  // $n and a digit. Expressions without a group cannot meet either, and keep the faster replace.
  var nativeReplace = String.prototype.replace;
  define(String.prototype, 'replace', function replace(searchValue, replaceValue) {
    var s = String(requireObjectCoercible(this, 'String.prototype.replace'));
    if (!(searchValue instanceof RegExp) || searchValue.source.indexOf('(') < 0) {
      return nativeReplace.call(s, searchValue, replaceValue);
    }
    var functional = typeof replaceValue === 'function', template = functional ? '' : String(replaceValue);
    var matches = isGlobal(searchValue) ? allMatches(searchValue, s) : [searchValue.exec(s)].filter(Boolean);
    var out = '', next = 0, i, m, captures, replacement;
    for (i = 0; i < matches.length; i++) {
      m = matches[i];
      captures = m.slice(1);
      replacement = functional ? String(replaceValue.apply(undefined, [m[0]].concat(captures, [m.index, s]))) :
        substitution(m[0], s, m.index, captures, template);
      if (m.index >= next) {
        out += s.slice(next, m.index) + replacement;
        next = m.index + m[0].length;
      }
    }
    return out + s.slice(next);
  });

  // localeCompare (ES5 15.5.4.9 leaves the order to the implementation): the Unicode
  // Collation Algorithm's three levels (base letters, then accents, then case, lower case
  // first) over the root collation order for ASCII and the accented Latin-1 letters; every
  // other code unit sorts after the letters by its value. Locales and options are ignored.
  function collationOrder() {
    var PUNCTUATION = '\t\n\u000b\f\r _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
    var MARKS = '\u0301\u0300\u0302\u030a\u0308\u0303\u0327'; // in their secondary order
    // Latin-1 letters from U+00C0 by base letter and combining mark; '' for the rest
    var DECOMPOSITIONS = ['A\u0300', 'A\u0301', 'A\u0302', 'A\u0303', 'A\u0308', 'A\u030a', '', 'C\u0327',
      'E\u0300', 'E\u0301', 'E\u0302', 'E\u0308', 'I\u0300', 'I\u0301', 'I\u0302', 'I\u0308', '', 'N\u0303',
      'O\u0300', 'O\u0301', 'O\u0302', 'O\u0303', 'O\u0308', '', '', 'U\u0300', 'U\u0301', 'U\u0302',
      'U\u0308', 'Y\u0301', '', ''];
    var BASE = 0x20, LOWER = 2, UPPER = 8, OTHER = 1000;
    var elements = [], c, d;
    // built at the first call: most sandboxes never compare strings this way

    function letterElements(letter) {
      var lower = letter.toLowerCase();
      return [PUNCTUATION.length + 11 + lower.charCodeAt(0) - 97, BASE, letter === lower ? LOWER : UPPER];
    }
    function markElements(mark) {
      return [0, BASE + 1 + MARKS.indexOf(mark), LOWER];
    }
    for (c = 0; c < 256; c++) {
      var ch = fromCharCode(c);
      if (PUNCTUATION.indexOf(ch) >= 0) elements.push([1 + PUNCTUATION.indexOf(ch), BASE, LOWER]);
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xad) elements.push([]); // ignorable
      else if (c >= 48 && c <= 57) elements.push([PUNCTUATION.length + 1 + c - 48, BASE, LOWER]);
      else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) elements.push(letterElements(ch));
      else if (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c !== 0xff && DECOMPOSITIONS[(c - 0xc0) & 0x1f] !== '') {
        d = DECOMPOSITIONS[(c - 0xc0) & 0x1f];
        elements.push(letterElements(c >= 0xe0 ? d.charAt(0).toLowerCase() : d.charAt(0)).concat(markElements(d.charAt(1))));
      } else if (c === 0xff) elements.push(letterElements('y').concat(markElements('\u0308')));
      else elements.push([OTHER + c, BASE, LOWER]);
    }

    function weights(s) {
      var levels = [[], [], []], e, i, j, c;
      for (i = 0; i < s.length; i++) {
        c = s.charCodeAt(i);
        e = c < 256 ? elements[c] : MARKS.indexOf(s.charAt(i)) >= 0 ? markElements(s.charAt(i)) : [OTHER + c, BASE, LOWER];
        for (j = 0; j < e.length; j++) if (e[j] !== 0) levels[j % 3].push(e[j]);
      }
      return levels;
    }
    function compareLists(a, b) {
      var n = Math.min(a.length, b.length), i;
      for (i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
      return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
    }
    return function (a, b) {
      if (a === b) return 0;
      var wa = weights(a), wb = weights(b), level, order;
      for (level = 0; level < 3; level++) {
        order = compareLists(wa[level], wb[level]);
        if (order !== 0) return order;
      }
      return 0;
    };
  }

  var collation = null;
  define(String.prototype, 'localeCompare', function localeCompare(that) {
    var s = String(requireObjectCoercible(this, 'String.prototype.localeCompare'));
    if (collation === null) collation = collationOrder();
    return collation(s, String(that));
  });

  // ---- Date (ES5 15.9 with the ES2015+ refinements). The sandbox has no time zone: local
  // time is UTC. A date keeps its time value in a hidden object between it and Date.prototype,
  // so that it has no own properties (JSON, Object.keys and for-in see none, as in ES).

  var nativeNow = global.Date.now; // the host clock (inside this function, Date is the one below)
  var TIME_VALUE = '[[DateValue]]';
  var MS_PER_DAY = 86400000;
  var DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  var DatePrototype = {};

  function timeHolder(value) {
    var holder = isObject(value) ? getPrototypeOf(value) : null;
    return holder !== null && hasOwn.call(holder, TIME_VALUE) && getPrototypeOf(holder) === DatePrototype ? holder : null;
  }

  function isDate(value) {
    return timeHolder(value) !== null;
  }

  function thisTimeValue(value) {
    var holder = timeHolder(value);
    if (holder === null) throw new TypeError('this is not a Date object.');
    return holder[TIME_VALUE];
  }

  function newDate(time) {
    var holder = nativeCreate(DatePrototype);
    holder[TIME_VALUE] = time;
    return nativeCreate(holder);
  }

  function setTimeValue(date, time) {
    time = timeClip(time);
    timeHolder(date)[TIME_VALUE] = time;
    return time;
  }

  function timeClip(time) {
    if (!isFinite(time) || Math.abs(time) > 8.64e15) return NaN;
    return Math.trunc(time) + 0; // + 0 turns -0 into +0
  }

  function dayFromYear(y) {
    return 365 * (y - 1970) + Math.floor((y - 1969) / 4) - Math.floor((y - 1901) / 100) + Math.floor((y - 1601) / 400);
  }

  function inLeapYear(y) {
    return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  }

  function monthStart(month, leap) {
    return MONTH_STARTS[month] + (leap && month >= 2 ? 1 : 0);
  }

  function makeTime(hour, min, sec, ms) {
    if (!isFinite(hour) || !isFinite(min) || !isFinite(sec) || !isFinite(ms)) return NaN;
    return toInteger(hour) * 3600000 + toInteger(min) * 60000 + toInteger(sec) * 1000 + toInteger(ms);
  }

  function makeDay(year, month, date) {
    if (!isFinite(year) || !isFinite(month) || !isFinite(date)) return NaN;
    var m = toInteger(month), ym = toInteger(year) + Math.floor(m / 12), mn = m - Math.floor(m / 12) * 12;
    if (!isFinite(ym) || !(mn >= 0 && mn < 12)) return NaN;
    return dayFromYear(ym) + monthStart(mn, inLeapYear(ym)) + toInteger(date) - 1;
  }

  function makeDate(day, time) {
    if (!isFinite(day) || !isFinite(time)) return NaN;
    return day * MS_PER_DAY + time;
  }

  // The calendar fields of a finite time value; the last one is kept, as getters come in runs.
  var cachedTime = NaN, cachedFields = null;
  function fieldsOf(t) {
    if (t === cachedTime) return cachedFields;
    var day = Math.floor(t / MS_PER_DAY), ms = t - day * MS_PER_DAY;
    var year = Math.floor(day / 365.2425) + 1970;
    while (dayFromYear(year) > day) year--;
    while (dayFromYear(year + 1) <= day) year++;
    var dayInYear = day - dayFromYear(year), leap = inLeapYear(year), month = 11;
    while (dayInYear < monthStart(month, leap)) month--;
    cachedFields = {
      year: year, month: month, date: dayInYear - monthStart(month, leap) + 1,
      weekDay: ((day + 4) % 7 + 7) % 7, day: day, timeInDay: ms,
      hours: Math.floor(ms / 3600000), minutes: Math.floor(ms / 60000) % 60,
      seconds: Math.floor(ms / 1000) % 60, ms: ms % 1000
    };
    cachedTime = t;
    return cachedFields;
  }

  function field(date, name) {
    var t = thisTimeValue(date);
    return t !== t ? NaN : fieldsOf(t)[name];
  }

  // The arguments a setter was given, as numbers: the first always, the others when present.
  function numbers(args, max) {
    var values = [Number(args[0])], i;
    for (i = 1; i < max && i < args.length; i++) values.push(Number(args[i]));
    return values;
  }

  // setHours, setMinutes, setSeconds, setMilliseconds: first is the index of the first field set.
  function setTimeFields(date, args, first) {
    var t = thisTimeValue(date), values = numbers(args, 4 - first), i;
    if (t !== t) return NaN;
    var f = fieldsOf(t), parts = [f.hours, f.minutes, f.seconds, f.ms];
    for (i = 0; i < values.length; i++) parts[first + i] = values[i];
    return setTimeValue(date, makeDate(f.day, makeTime(parts[0], parts[1], parts[2], parts[3])));
  }

  // setFullYear (from a NaN date, from +0), setMonth, setDate
  function setDateFields(date, args, first) {
    var t = thisTimeValue(date), values = numbers(args, 3 - first), i;
    if (t !== t) {
      if (first !== 0) return NaN;
      t = 0;
    }
    var f = fieldsOf(t), parts = [f.year, f.month, f.date];
    for (i = 0; i < values.length; i++) parts[first + i] = values[i];
    return setTimeValue(date, makeDate(makeDay(parts[0], parts[1], parts[2]), f.timeInDay));
  }

  // Date(...) and Date.UTC(...) with two or more arguments: years 0 to 99 mean 1900 to 1999.
  function timeFromFields(args) {
    var n = args.length;
    var y = Number(args[0]), m = n > 1 ? Number(args[1]) : 0, dt = n > 2 ? Number(args[2]) : 1,
      h = n > 3 ? Number(args[3]) : 0, min = n > 4 ? Number(args[4]) : 0, s = n > 5 ? Number(args[5]) : 0,
      ms = n > 6 ? Number(args[6]) : 0;
    var yi = toInteger(y), year = y === y && yi >= 0 && yi <= 99 ? 1900 + yi : y;
    return timeClip(makeDate(makeDay(year, m, dt), makeTime(h, min, s, ms)));
  }

  // ToPrimitive without a hint: valueOf, then toString.
  function toPrimitive(value) {
    if (!isObject(value)) return value;
    var methods = ['valueOf', 'toString'], f, result, i;
    for (i = 0; i < methods.length; i++) {
      f = value[methods[i]];
      if (typeof f === 'function') {
        result = f.call(value);
        if (!isObject(result)) return result;
      }
    }
    throw new TypeError('Cannot convert object to primitive value');
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = '0' + s;
    return s;
  }

  function yearText(year) {
    return (year < 0 ? '-' : '') + pad(Math.abs(year), 4);
  }

  function timeText(f) {
    return pad(f.hours, 2) + ':' + pad(f.minutes, 2) + ':' + pad(f.seconds, 2);
  }

  function dateText(f) {
    return DAY_NAMES[f.weekDay] + ' ' + MONTH_NAMES[f.month] + ' ' + pad(f.date, 2) + ' ' + yearText(f.year);
  }

  var ZONE_TEXT = ' GMT+0000 (Coordinated Universal Time)';

  // Formats a date's fields, or gives 'Invalid Date'.
  function formatted(date, format) {
    var t = thisTimeValue(date);
    return t !== t ? 'Invalid Date' : format(fieldsOf(t));
  }

  // The ES Date Time String Format (ES2015 20.3.1.16), fractions of any length as engines
  // accept them; date-only forms are UTC and so, here, are date-time forms without an offset.
  var ISO_FORMAT = /^([+-]\d{6}|\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?$/;
  // What toString and toUTCString give, which Date.parse must read back (ES2015 20.3.3.2).
  var STRING_FORMAT = /^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{2}) (-?\d{4,}) (\d{2}):(\d{2}):(\d{2}) GMT([+-]\d{2})(\d{2})(?: \([^)]*\))?$/;
  var UTC_STRING_FORMAT = /^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (-?\d{4,}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

  function fromFields(year, month, date, hours, minutes, seconds, ms, offsetMinutes) {
    if (month < 0 || month > 11 || date < 1 || date > 31 || minutes > 59 || seconds > 59 ||
        hours > 24 || (hours === 24 && (minutes > 0 || seconds > 0 || ms > 0))) {
      return NaN;
    }
    return timeClip(makeDate(makeDay(year, month, date), makeTime(hours, minutes, seconds, ms)) - offsetMinutes * 60000);
  }

  // A group inside a skipped optional part: the engine's exec gives '' where ES gives undefined.
  function absent(group) {
    return group === undefined || group === '';
  }

  function parseDate(string) {
    var m = ISO_FORMAT.exec(string), offset = 0;
    if (m !== null) {
      if (m[1] === '-000000') return NaN;
      if (!absent(m[8]) && m[8] !== 'Z') {
        var offsetHours = +m[8].slice(1, 3), offsetMins = +m[8].slice(4, 6);
        if (offsetHours > 23 || offsetMins > 59) return NaN;
        offset = (m[8].charAt(0) === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
      }
      return fromFields(+m[1], absent(m[2]) ? 0 : m[2] - 1, absent(m[3]) ? 1 : +m[3],
        absent(m[4]) ? 0 : +m[4], absent(m[5]) ? 0 : +m[5], absent(m[6]) ? 0 : +m[6],
        absent(m[7]) ? 0 : +(m[7] + '00').slice(0, 3), offset);
    }
    m = STRING_FORMAT.exec(string);
    if (m !== null) {
      offset = +m[7] * 60 + (m[7].charAt(0) === '-' ? -1 : 1) * m[8];
      return fromFields(+m[3], MONTH_NAMES.indexOf(m[1]), +m[2], +m[4], +m[5], +m[6], 0, offset);
    }
    m = UTC_STRING_FORMAT.exec(string);
    if (m !== null) return fromFields(+m[3], MONTH_NAMES.indexOf(m[2]), +m[1], +m[4], +m[5], +m[6], 0, 0);
    return NaN;
  }

  function Date(year, month, date, hours, minutes, seconds, ms) {
    if (new.target === undefined) return formatted(newDate(nativeNow()), fullText);
    var n = arguments.length, value;
    if (n === 0) return newDate(timeClip(nativeNow()));
    if (n > 1) return newDate(timeFromFields(arguments));
    if (isDate(year)) return newDate(thisTimeValue(year));
    value = toPrimitive(year);
    return newDate(typeof value === 'string' ? parseDate(value) : timeClip(Number(value)));
  }

  function fullText(f) {
    return dateText(f) + ' ' + timeText(f) + ZONE_TEXT;
  }

  function utcText(f) {
    return DAY_NAMES[f.weekDay] + ', ' + pad(f.date, 2) + ' ' + MONTH_NAMES[f.month] + ' ' + yearText(f.year) +
      ' ' + timeText(f) + ' GMT';
  }

  // en-US, as Node formats it: 7/4/2024, 3:05:09 PM (years before 1 as the era's year).
  function localeDateText(f) {
    return (f.month + 1) + '/' + f.date + '/' + (f.year > 0 ? f.year : 1 - f.year);
  }

  function localeTimeText(f) {
    return (f.hours % 12 === 0 ? 12 : f.hours % 12) + ':' + pad(f.minutes, 2) + ':' + pad(f.seconds, 2) +
      (f.hours < 12 ? ' AM' : ' PM');
  }

  define(Date, 'now', nativeNow);
  define(Date, 'parse', function parse(string) {
    return parseDate(String(string));
  });
  define(Date, 'UTC', function UTC(year, month, date, hours, minutes, seconds, ms) {
    return timeFromFields(arguments);
  });
  Date.prototype = DatePrototype;

  var methods = {
    constructor: Date,
    toString: function toString() { return formatted(this, fullText); },
    toDateString: function toDateString() { return formatted(this, dateText); },
    toTimeString: function toTimeString() {
      return formatted(this, function (f) { return timeText(f) + ZONE_TEXT; });
    },
    toUTCString: function toUTCString() { return formatted(this, utcText); },
    toLocaleString: function toLocaleString() {
      return formatted(this, function (f) { return localeDateText(f) + ', ' + localeTimeText(f); });
    },
    toLocaleDateString: function toLocaleDateString() { return formatted(this, localeDateText); },
    toLocaleTimeString: function toLocaleTimeString() { return formatted(this, localeTimeText); },
    toISOString: function toISOString() {
      var t = thisTimeValue(this);
      if (t !== t) throw new RangeError('Invalid time value');
      var f = fieldsOf(t);
      var year = f.year >= 0 && f.year <= 9999 ? pad(f.year, 4) : (f.year < 0 ? '-' : '+') + pad(Math.abs(f.year), 6);
      return year + '-' + pad(f.month + 1, 2) + '-' + pad(f.date, 2) + 'T' + timeText(f) + '.' + pad(f.ms, 3) + 'Z';
    },
    // ES5 15.9.5.44: generic, for any object with a toISOString
    toJSON: function toJSON(key) {
      var self = requireObjectCoercible(this, 'Date.prototype.toJSON');
      var value = toPrimitive(self);
      if (typeof value === 'number' && !isFinite(value)) return null;
      return self.toISOString();
    },
    valueOf: function valueOf() { return thisTimeValue(this); },
    getTime: function getTime() { return thisTimeValue(this); },
    getTimezoneOffset: function getTimezoneOffset() {
      var t = thisTimeValue(this);
      return t !== t ? NaN : 0;
    },
    getFullYear: function getFullYear() { return field(this, 'year'); },
    getUTCFullYear: function getUTCFullYear() { return field(this, 'year'); },
    getMonth: function getMonth() { return field(this, 'month'); },
    getUTCMonth: function getUTCMonth() { return field(this, 'month'); },
    getDate: function getDate() { return field(this, 'date'); },
    getUTCDate: function getUTCDate() { return field(this, 'date'); },
    getDay: function getDay() { return field(this, 'weekDay'); },
    getUTCDay: function getUTCDay() { return field(this, 'weekDay'); },
    getHours: function getHours() { return field(this, 'hours'); },
    getUTCHours: function getUTCHours() { return field(this, 'hours'); },
    getMinutes: function getMinutes() { return field(this, 'minutes'); },
    getUTCMinutes: function getUTCMinutes() { return field(this, 'minutes'); },
    getSeconds: function getSeconds() { return field(this, 'seconds'); },
    getUTCSeconds: function getUTCSeconds() { return field(this, 'seconds'); },
    getMilliseconds: function getMilliseconds() { return field(this, 'ms'); },
    getUTCMilliseconds: function getUTCMilliseconds() { return field(this, 'ms'); },
    // Annex B.2.4
    getYear: function getYear() {
      var year = field(this, 'year');
      return year - 1900;
    },
    setTime: function setTime(time) {
      thisTimeValue(this);
      return setTimeValue(this, Number(time));
    },
    setMilliseconds: function setMilliseconds(ms) { return setTimeFields(this, arguments, 3); },
    setUTCMilliseconds: function setUTCMilliseconds(ms) { return setTimeFields(this, arguments, 3); },
    setSeconds: function setSeconds(sec, ms) { return setTimeFields(this, arguments, 2); },
    setUTCSeconds: function setUTCSeconds(sec, ms) { return setTimeFields(this, arguments, 2); },
    setMinutes: function setMinutes(min, sec, ms) { return setTimeFields(this, arguments, 1); },
    setUTCMinutes: function setUTCMinutes(min, sec, ms) { return setTimeFields(this, arguments, 1); },
    setHours: function setHours(hour, min, sec, ms) { return setTimeFields(this, arguments, 0); },
    setUTCHours: function setUTCHours(hour, min, sec, ms) { return setTimeFields(this, arguments, 0); },
    setDate: function setDate(date) { return setDateFields(this, arguments, 2); },
    setUTCDate: function setUTCDate(date) { return setDateFields(this, arguments, 2); },
    setMonth: function setMonth(month, date) { return setDateFields(this, arguments, 1); },
    setUTCMonth: function setUTCMonth(month, date) { return setDateFields(this, arguments, 1); },
    setFullYear: function setFullYear(year, month, date) { return setDateFields(this, arguments, 0); },
    setUTCFullYear: function setUTCFullYear(year, month, date) { return setDateFields(this, arguments, 0); },
    // Annex B.2.5
    setYear: function setYear(year) {
      var t = thisTimeValue(this), y = Number(year);
      if (y !== y) return setTimeValue(this, NaN);
      var yi = toInteger(y), f = fieldsOf(t !== t ? 0 : t);
      return setTimeValue(this, makeDate(makeDay(yi >= 0 && yi <= 99 ? 1900 + yi : y, f.month, f.date), f.timeInDay));
    }
  };
  Object.keys(methods).forEach(function (name) {
    define(DatePrototype, name, methods[name]);
  });
  // Annex B.2.6: the same function object
  define(DatePrototype, 'toGMTString', DatePrototype.toUTCString);
  define(global, 'Date', Date);

  // Object.prototype.toString names a date's class "Date", as ES5 15.2.4.2 does, and a
  // regular expression's "RegExp" (the engine says "Object"); libraries tell types apart by it.
  define(Object.prototype, 'toString', function toString() {
    if (isDate(this)) return '[object Date]';
    if (this instanceof RegExp) return '[object RegExp]';
    return objectToString.call(this);
  });

  // Last, so that the global object's property table ends up after everything above: when a
  // script's first new globals outgrow it, the engine moves it to the end of the heap, and the
  // garbage collector then slides only what follows its old place. Placed earlier, the whole
  // prelude would slide, and every idle sandbox would keep it as a difference from the template.
  // The deletions leave it some free slots too.
  var i, spare = 64;
  for (i = 0; i < spare; i++) global['compat prelude spare ' + i] = 0;
  for (i = 0; i < spare; i++) delete global['compat prelude spare ' + i];
})(this);
