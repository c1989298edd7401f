const items = ['apple', 'pear'];
const html = `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
html;
