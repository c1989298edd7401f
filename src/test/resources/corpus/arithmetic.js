var out = [];
out.push(1 / 3, 2 / 3 * 3, 0.1 * 3, 1e21, 1e-7, -0, 5 % -3, -5 % 3, 2 ** 0.5 === undefined);
out.push((1 << 31) >>> 0, -1 >>> 28, ~7, 0xff ^ 0x0f, 7 & 3 | 8);
out.push(Math.round(-0.5), Math.round(0.49999999999999994), Math.max(), Math.min());
out.push(parseInt('0x1f'), parseInt('08'), parseFloat('.5abc'), Number(''), Number(' 12 '), +[], +{});
out.push((123.456).toFixed(1), (0.000001234).toPrecision(2), (1e21).toFixed(2), (-1.5).toFixed(0));
out.join(' | ');
