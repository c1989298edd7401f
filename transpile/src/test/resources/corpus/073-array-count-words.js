const text = 'the quick brown the lazy the end';
const counts = text.split(' ').reduce((acc, w) => ({ ...acc, [w]: (acc[w] || 0) + 1 }), {});
[counts.the, counts.quick];
