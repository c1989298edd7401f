// needs: Object.assign
const target = { a: 1 };
const result = Object.assign(target, { b: 2 }, { c: 3 });
[result === target, Object.keys(target).length];
