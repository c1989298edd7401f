// Regular expressions: test, exec with groups, global match and replace, split.
var lines = [];
for (var i = 0; i < 3000; i++) lines.push('item-' + i + ' user' + (i % 37) + '@example.org ' + (i * 13 % 1000) + 'ms');
var log = lines.join('\n');
var emails = log.match(/[a-z0-9]+@[a-z]+\.[a-z]+/g).length;
var slow = 0, re = /(\d+)ms$/;
for (i = 0; i < lines.length; i++) { var m = re.exec(lines[i]); if (m && +m[1] > 500) slow++; }
var masked = log.slice(0, 20000).replace(/user(\d+)/g, 'u$1');
var words = log.slice(0, 10000).split(/\s+/).length;
var valid = 0, id = /^item-\d{1,4} /;
for (i = 0; i < lines.length; i++) if (id.test(lines[i])) valid++;
var alt = 'cat dog bird cat fish dog'.replace(/(cat|dog)/g, '<$1>');
var ci = /EXAMPLE/i.test(log) ? 1 : 0;
[emails, slow, masked.length, words, valid, alt, ci].join(' ');
