const raw = '[{"name":"a","score":"10"},{"name":"b","score":"7"}]';
const parsed = JSON.parse(raw).map(({ name, score }) => ({ name, score: Number(score) }));
parsed.sort((x, y) => x.score - y.score);
