var s = 'The quick brown fox jumps over the lazy dog';
var words = s.split(' ');
var r = [];
r.push(words.length, s.toUpperCase(), s.indexOf('fox'), s.slice(4, 9), s.substring(9, 4));
r.push('\u00e9\u00e8'.length, '\ud83d\ude00'.length, 'abc'.charCodeAt(5), 'abc'.charAt(5) === '');
r.push('a,b,,c'.split(','), 'abc'.split(''), '  pad '.trim() + '|');
r.push(String.fromCharCode(0x263a), 'x'.concat(1, null, undefined));
r.push('mississippi'.replace(/ss/g, 'SS'), 'mississippi'.lastIndexOf('ss'));
JSON.stringify(r);
