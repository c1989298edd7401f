const word = 'hello';
const letters = [...word];
letters.reverse().join('');
