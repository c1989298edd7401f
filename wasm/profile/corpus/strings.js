// String building, character access, slicing, searching, case mapping, splitting, replacing.
var parts = [];
for (var i = 0; i < 5000; i++) parts.push(String.fromCharCode(97 + (i % 26)) + i);
var text = parts.join(',');
var codes = 0;
for (i = 0; i < text.length; i += 3) codes += text.charCodeAt(i);
var pieces = text.split(',');
var upper = text.substring(100, 2000).toUpperCase();
var count = 0, pos = 0;
while ((pos = text.indexOf('a1', pos)) >= 0) { count++; pos += 2; }
var built = '';
for (i = 0; i < 8000; i++) built += i % 10;
var replaced = text.slice(0, 5000).replace(/,/g, ';');
var trimmed = '   padded value   '.trim();
var line = '';
for (i = 0; i < 300; i++) line = line + pieces[i].charAt(0) + pieces[i].length;
var cmp = 0;
for (i = 1; i < pieces.length; i++) if (pieces[i] < pieces[i - 1]) cmp++;
[codes, pieces.length, upper.length, count, built.length, replaced.length, trimmed, line.length, cmp,
 'abc'.concat('def').lastIndexOf('d'), (123.456).toString(), String(42).length].join(' ');
