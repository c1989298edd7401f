function counter() {
  var n = 0;
  return {inc: function () { return ++n; }, get: function () { return n; }};
}
var a = counter(), b = counter();
a.inc(); a.inc(); b.inc();
var fns = [];
for (var i = 0; i < 3; i++) fns.push((function (j) { return function () { return j * 10; }; })(i));
[a.get(), b.get(), fns[0](), fns[2]()].join();
