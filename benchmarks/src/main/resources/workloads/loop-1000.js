// expect: 499500
var s = 0;
for (var i = 0; i < 1000; i++) { s += i; }
s
