const rows = [['id', 'name'], [1, 'Ada'], [2, 'Linus']];
const table = rows.map((r) => r.join(' | ')).join('\n');
`Table:
${table}
(end)`;
