const zip = (a, b) => a.map((x, i) => [x, b[i]]);
zip(['a', 'b', 'c'], [1, 2, 3]);
