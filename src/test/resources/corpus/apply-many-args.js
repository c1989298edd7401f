// memory-limit: 4194304
// Upstream ee50431 limits the argument count of apply(): a TypeError, not a crash.
var a = [];
a.length = 100000;
Math.max.apply(null, a);
