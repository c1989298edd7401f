/*
 * Set for this engine, in place of the implementation Closure's polyfill would install (see
 * EnginePolyfills and Map.js): its values are the keys of a Map (the polyfill's, which Closure
 * injects with every Set, or a native one), kept where Map.js keeps a map's state, so that a set
 * has no own property either.
 */
(function (NativeSet) {
  if (typeof NativeSet === 'function') {
    return NativeSet;
  }
  var STATE = '$jscomp$set$state';
  var ValueMap = Map;

  function withState(instance, state) {
    var layer = Object.create(Object.getPrototypeOf(instance));
    layer[STATE] = state;
    return Object.create(layer);
  }

  function stateOf(set, method) {
    var state = set !== null && typeof set === 'object' ? set[STATE] : undefined;
    if (!(state instanceof ValueMap)) {
      throw new TypeError('Method Set.prototype.' + method + ' called on incompatible receiver ' + set);
    }
    return state;
  }

  var Set = function (iterable) {
    if (!(this instanceof Set)) {
      throw new TypeError("Constructor Set requires 'new'");
    }
    var set = withState(this, new ValueMap());
    if (iterable !== undefined && iterable !== null) {
      var iterator = $jscomp.makeIterator(iterable);
      for (var step = iterator.next(); !step.done; step = iterator.next()) {
        set.add(step.value);
      }
    }
    return set;
  };

  Object.defineProperty(Set.prototype, 'size', {
    configurable: true,
    get: function () {
      return stateOf(this, 'size').size;
    }
  });

  Set.prototype.add = function (value) {
    var key = value === 0 ? 0 : value; // -0 is added as 0, as Set does
    stateOf(this, 'add').set(key, key);
    return this;
  };

  Set.prototype.has = function (value) {
    return stateOf(this, 'has').has(value);
  };

  Set.prototype['delete'] = function (value) {
    return stateOf(this, 'delete')['delete'](value);
  };

  Set.prototype.clear = function () {
    stateOf(this, 'clear').clear();
  };

  Set.prototype.forEach = function (callback, thisArg) {
    var set = this;
    stateOf(this, 'forEach').forEach(function (value) {
      callback.call(thisArg, value, value, set);
    });
  };

  Set.prototype.values = function () {
    return stateOf(this, 'values').keys();
  };

  Set.prototype.keys = Set.prototype.values;

  Set.prototype.entries = function () {
    return stateOf(this, 'entries').entries();
  };

  Set.prototype[Symbol.iterator] = Set.prototype.values;

  return Set;
})
