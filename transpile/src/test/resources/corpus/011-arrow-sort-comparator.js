const people = [
  { name: 'Zoe', age: 30 },
  { name: 'Adam', age: 25 },
  { name: 'Mia', age: 35 },
];
people.sort((a, b) => a.age - b.age).map((p) => p.name);
