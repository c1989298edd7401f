const fruits = ['apple', 'banana', 'cherry'];
const lengths = [];
for (const fruit of fruits) {
  lengths.push(fruit.length);
}
lengths;
