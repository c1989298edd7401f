// expect: 36779
// String building: concatenation in a loop, then an array join of the pieces.
var s = "";
for (var i = 0; i < 3000; i++) { s += "item" + i + ";"; }
var parts = [];
for (var j = 0; j < 2000; j++) { parts.push(String.fromCharCode(97 + j % 26) + j); }
var joined = parts.join(",");
s.length + joined.length + s.toUpperCase().length - s.length
