const values = [3.14159, 2.5, 1000];
values.map((v) => v.toFixed(1));
