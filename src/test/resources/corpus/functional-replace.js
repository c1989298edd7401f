// Functional replace (upstream ee50431).
var r = [];
r.push("abc".replace(/b/, function (m) { return m.toUpperCase(); }));
r.push("a-b-c".replace(/-(\w)/g, function (m, c, offset) { return c + offset; }));
r.push("xyz".replace("y", function () { return "$&"; }));
JSON.stringify(r);
