function greet(name = 'stranger', greeting = 'Hello') {
  return `${greeting}, ${name}!`;
}
[greet(), greet('Bo'), greet('Cy', 'Hi'), greet(undefined, 'Hey')];
