/*
 * Map for this engine, in place of the implementation Closure's polyfill would install (see
 * EnginePolyfills). ES5 strict, run as Closure's runtime is: after $jscomp.makeIterator,
 * $jscomp.iteratorPrototype and the Symbol polyfill are defined.
 *
 * Closure's Map gives every object key an id kept by its WeakMap polyfill, which writes a
 * property on the key; this engine cannot hide it (defineProperty ignores enumerable: false), so
 * JSON.stringify and Object.keys of the key would show it. Here a primitive key is found through a
 * dictionary and an object key by a search of the object keys (linear in their number), and
 * nothing is written on a key. A map's state sits on an object between the map and its
 * prototype, so the map has no own property: JSON.stringify gives "{}", as for a native Map.
 */
(function (NativeMap) {
  if (typeof NativeMap === 'function') {
    return NativeMap;
  }
  var STATE = '$jscomp$map$state';

  /** The entries in insertion order: a circular list through a head that is never removed. */
  function Entries() {
    this.head = {removed: false};
    this.head.next = this.head;
    this.head.prev = this.head;
    this.primitives = Object.create(null);
    this.objects = [];
    this.size = 0;
  }

  function isObject(key) {
    var type = typeof key;
    return key !== null && (type === 'object' || type === 'function' || type === 'symbol');
  }

  /** Primitives are the same key when SameValueZero says so: -0 is 0, NaN is NaN. */
  function primitiveId(key) {
    return typeof key + ':' + String(key);
  }

  Entries.prototype.find = function (key) {
    if (!isObject(key)) {
      return this.primitives[primitiveId(key)];
    }
    for (var i = 0; i < this.objects.length; i++) {
      if (this.objects[i].key === key) {
        return this.objects[i];
      }
    }
    return undefined;
  };

  Entries.prototype.add = function (key, value) {
    var entry = {key: key === 0 ? 0 : key, value: value, next: this.head, prev: this.head.prev, removed: false};
    this.head.prev.next = entry;
    this.head.prev = entry;
    if (isObject(key)) {
      this.objects.push(entry);
    } else {
      this.primitives[primitiveId(key)] = entry;
    }
    this.size++;
  };

  /** Unlinks the entry but keeps its prev: an iterator standing on it walks back to a live one. */
  Entries.prototype.remove = function (entry) {
    entry.prev.next = entry.next;
    entry.next.prev = entry.prev;
    entry.removed = true;
    if (isObject(entry.key)) {
      this.objects.splice(this.objects.indexOf(entry), 1);
    } else {
      delete this.primitives[primitiveId(entry.key)];
    }
    this.size--;
  };

  Entries.prototype.clear = function () {
    for (var entry = this.head.next; entry !== this.head; entry = entry.next) {
      entry.removed = true;
    }
    this.head.next = this.head;
    this.head.prev = this.head;
    this.primitives = Object.create(null);
    this.objects = [];
    this.size = 0;
  };

  /** An iterator that sees entries added after it started and skips the removed ones, as Map's does. */
  Entries.prototype.iterate = function (select) {
    var head = this.head;
    var at = head;
    return $jscomp.iteratorPrototype(function () {
      if (at === null) {
        return {value: undefined, done: true};
      }
      while (at.removed) {
        at = at.prev;
      }
      at = at.next;
      if (at === head) {
        at = null;
        return {value: undefined, done: true};
      }
      return {value: select(at), done: false};
    });
  };

  /** The object `new` returns: no own property, its state on an object of its own under it. */
  function withState(instance, state) {
    var layer = Object.create(Object.getPrototypeOf(instance));
    layer[STATE] = state;
    return Object.create(layer);
  }

  function stateOf(map, method) {
    var state = map !== null && typeof map === 'object' ? map[STATE] : undefined;
    if (!(state instanceof Entries)) {
      throw new TypeError('Method Map.prototype.' + method + ' called on incompatible receiver ' + map);
    }
    return state;
  }

  var Map = function (iterable) {
    if (!(this instanceof Map)) {
      throw new TypeError("Constructor Map requires 'new'");
    }
    var map = withState(this, new Entries());
    if (iterable !== undefined && iterable !== null) {
      var iterator = $jscomp.makeIterator(iterable);
      for (var step = iterator.next(); !step.done; step = iterator.next()) {
        var item = step.value;
        if (item === null || (typeof item !== 'object' && typeof item !== 'function')) {
          throw new TypeError('Iterator value ' + item + ' is not an entry object');
        }
        map.set(item[0], item[1]);
      }
    }
    return map;
  };

  Object.defineProperty(Map.prototype, 'size', {
    configurable: true,
    get: function () {
      return stateOf(this, 'size').size;
    }
  });

  Map.prototype.get = function (key) {
    var entry = stateOf(this, 'get').find(key);
    return entry === undefined ? undefined : entry.value;
  };

  Map.prototype.set = function (key, value) {
    var state = stateOf(this, 'set');
    var entry = state.find(key);
    if (entry === undefined) {
      state.add(key, value);
    } else {
      entry.value = value;
    }
    return this;
  };

  Map.prototype.has = function (key) {
    return stateOf(this, 'has').find(key) !== undefined;
  };

  Map.prototype['delete'] = function (key) {
    var state = stateOf(this, 'delete');
    var entry = state.find(key);
    if (entry === undefined) {
      return false;
    }
    state.remove(entry);
    return true;
  };

  Map.prototype.clear = function () {
    stateOf(this, 'clear').clear();
  };

  Map.prototype.forEach = function (callback, thisArg) {
    var iterator = stateOf(this, 'forEach').iterate(function (entry) {
      return entry;
    });
    for (var step = iterator.next(); !step.done; step = iterator.next()) {
      callback.call(thisArg, step.value.value, step.value.key, this);
    }
  };

  Map.prototype.entries = function () {
    return stateOf(this, 'entries').iterate(function (entry) {
      return [entry.key, entry.value];
    });
  };

  Map.prototype.keys = function () {
    return stateOf(this, 'keys').iterate(function (entry) {
      return entry.key;
    });
  };

  Map.prototype.values = function () {
    return stateOf(this, 'values').iterate(function (entry) {
      return entry.value;
    });
  };

  Map.prototype[Symbol.iterator] = Map.prototype.entries;

  return Map;
})
