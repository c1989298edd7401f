var xs = [0.5, 1, 2, 10, 1e-3];
var r = [];
for (var i = 0; i < xs.length; i++) {
  var x = xs[i];
  r.push(Math.sin(x), Math.cos(x), Math.tan(x), Math.exp(x), Math.log(x), Math.sqrt(x), Math.atan2(x, 1),
         Math.pow(x, 1.5), Math.asin(x / 10), Math.log2(x), Math.log10(x), Math.fround(x));
}
r.join('\n');
