const line = '-'.repeat(10);
const masked = '4111-1111-1111-1234'.replace(/\d(?=.{5})/g, '*');
[line, masked];
