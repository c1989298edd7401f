const payload = { id: 1, tags: ['x', 'y'], nested: { ok: true, n: null } };
const text = JSON.stringify(payload);
const back = JSON.parse(text);
[text, back.nested.ok, back.tags[1]];
