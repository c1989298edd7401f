// needs: Array.prototype.entries
const colors = ['red', 'green', 'blue'];
const labeled = [];
for (const [index, color] of colors.entries()) {
  labeled.push(`${index}:${color}`);
}
labeled.join(', ');
