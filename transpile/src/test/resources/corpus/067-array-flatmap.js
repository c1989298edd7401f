// needs: Array.prototype.flatMap
const sentences = ['hello world', 'modern js'];
sentences.flatMap((s) => s.split(' '));
