// needs: String.prototype.startsWith, String.prototype.includes, String.prototype.endsWith
const url = 'https://example.com/api/users?id=5';
[url.startsWith('https'), url.includes('/api/'), url.endsWith('id=5')];
