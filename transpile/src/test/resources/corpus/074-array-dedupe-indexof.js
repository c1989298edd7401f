const values = [3, 1, 3, 2, 1, 4];
values.filter((v, i, arr) => arr.indexOf(v) === i);
