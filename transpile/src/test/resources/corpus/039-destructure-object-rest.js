const response = { status: 200, headers: { 'content-type': 'json' }, body: '{}', elapsed: 12 };
const { status, ...meta } = response;
[status, Object.keys(meta)];
