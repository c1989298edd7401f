// Exceptions thrown and caught across calls, finally blocks, type checks and conversions.
function risky(i) {
  if (i % 4 === 0) throw new Error('bad ' + i);
  if (i % 7 === 0) throw new TypeError('type ' + i);
  return i;
}
var caught = 0, types = 0, finals = 0, sum = 0;
for (var i = 0; i < 4000; i++) {
  try { sum += risky(i); }
  catch (e) { caught++; if (e instanceof TypeError) types++; }
  finally { finals++; }
}
var conversions = 0;
var values = [0, 1, '2', '', 'x', null, undefined, true, {}, [], [3], 1.5];
for (i = 0; i < 3000; i++) {
  var v = values[i % values.length];
  conversions += (+v || 0) + String(v).length + (v ? 1 : 0) + (typeof v).length;
}
var missing = 0;
for (i = 0; i < 500; i++) { try { null.x; } catch (err) { missing++; } }
[caught, types, finals, sum, Math.round(conversions), missing].join(' ');
