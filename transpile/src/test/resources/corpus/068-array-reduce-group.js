const pets = [
  { type: 'dog', name: 'Rex' },
  { type: 'cat', name: 'Tom' },
  { type: 'dog', name: 'Fido' },
];
const grouped = pets.reduce((acc, pet) => {
  (acc[pet.type] = acc[pet.type] || []).push(pet.name);
  return acc;
}, {});
grouped;
