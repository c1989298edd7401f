function connect({ host = 'localhost', port = 8080, auth: { user = 'guest' } = {} } = {}) {
  return `${user}@${host}:${port}`;
}
[connect(), connect({ port: 9000 }), connect({ host: 'db', auth: { user: 'admin' } })];
