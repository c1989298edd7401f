const base = 2;
let power = 3;
power **= 2;
[base ** 10, 3 ** 3, base ** power, (-2) ** 3];
