// A small script for the README's main command.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
var results = [];
for (var i = 0; i <= 15; i++) results.push(fib(i));
print('fibonacci: ' + results.join(' '));
({ n: 15, fib: fib(15) })
