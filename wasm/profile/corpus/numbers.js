// Floating point arithmetic, Math functions, number formatting and parsing.
var s = 0;
for (var i = 1; i < 30000; i++) s += Math.sqrt(i) * Math.sin(i) / Math.log(i + 1);
var r = 0;
for (i = 0; i < 5000; i++) r += Math.floor(Math.random() * 100);
var fixed = [];
for (i = 0; i < 2000; i++) fixed.push((i / 3).toFixed(2));
var parsed = 0;
for (i = 0; i < fixed.length; i++) parsed += parseFloat(fixed[i]) + parseInt('0x' + (i % 255).toString(16), 16);
var big = 1;
for (i = 0; i < 200; i++) big = big * 1.7 % 1e12;
var extremes = [Math.max(1, 5, 3), Math.min(-1, 2), Math.pow(2, 30), Math.abs(-7.5), Math.round(2.5), Math.atan2(1, 1)];
[s.toFixed(3), r, fixed.length, Math.round(parsed), big.toPrecision(6), extremes.join(','), (1e21).toString(),
 (255).toString(2), Number('12.5e1'), isNaN(Number('x'))].join(' ');
