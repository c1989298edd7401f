// JSON round trips of nested documents with numbers, strings, booleans, null, arrays.
var doc = { users: [], meta: { version: 3, tags: ['a', 'b', 'c'], active: true, parent: null } };
for (var i = 0; i < 1500; i++) {
  doc.users.push({ id: i, name: 'user ' + i, score: i / 7, admin: i % 10 === 0,
                   address: { street: i + ' Main St', zip: '0' + (10000 + i) }, roles: ['r' + (i % 4)] });
}
var text = JSON.stringify(doc);
var back = JSON.parse(text);
var pretty = JSON.stringify(back.meta, null, 2);
var again = JSON.parse(JSON.stringify(back.users.slice(0, 300)));
var sum = 0;
for (i = 0; i < again.length; i++) sum += again[i].score;
var escaped = JSON.stringify({ s: 'quote " backslash \\ newline \n tab \t unicode \u00e9' });
var revived = JSON.parse('[1, 2.5, -3e2, "x", true, false, null, {"k": [[]]}]');
[text.length, back.users.length, pretty.length, Math.round(sum), escaped.length, revived.length].join(' ');
