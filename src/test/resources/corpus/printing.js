print('plain', 1, true, null, undefined);
print([1, 'two', [3]]);
print({a: 1, b: 'x', c: [1, 2], d: {e: null}});
console.log('%s stays literal', 5);
print(function named() {});
print(1 / 0, -0, NaN, 1e21, 123456789012345680000);
'done';
