// expect: 2000
// Regex scan: builds ~60 KB of log-like text and scans it with global regexes.
var lines = [];
for (var i = 0; i < 2000; i++) {
  lines.push("2024-01-" + (10 + i % 20) + " INFO user" + (i % 97) + "@example.com ok id=" + (i * 7919 % 100000));
}
var text = lines.join("\n");
var re = /(\w+)@(\w+)\.com/g;
var m, count = 0;
while ((m = re.exec(text)) !== null) { count++; }
var ids = text.match(/id=\d+/g).length;
var replaced = text.replace(/INFO/g, "WARN");
replaced.length === text.length && ids === count ? count : -1
