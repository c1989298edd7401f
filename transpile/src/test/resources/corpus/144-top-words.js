const text = 'to be or not to be that is the question to ask';
const freq = {};
for (const word of text.split(' ')) {
  freq[word] = (freq[word] || 0) + 1;
}
Object.keys(freq)
  .sort((a, b) => freq[b] - freq[a] || (a < b ? -1 : 1))
  .slice(0, 3);
