const item = 'coffee';
const price = 3.5;
`One ${item} costs $${price.toFixed(2)}`;
