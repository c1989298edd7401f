var doc = {name: 'widget', tags: ['a', 'b'], dims: {w: 1.5, h: -2}, ok: true, none: null, nested: [[1, [2, [3]]]]};
var text = JSON.stringify(doc);
var back = JSON.parse(text);
print(text);
print(JSON.stringify('quote " and \\ and \n newline and \u0001'));
print(JSON.stringify([NaN, Infinity, -0, 1e300]));
back.nested[0][1][1][0] + back.dims.w;
