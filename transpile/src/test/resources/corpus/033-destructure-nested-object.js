const user = { id: 7, profile: { name: 'Lee', city: 'Oslo' }, tags: ['a', 'b'] };
const { id, profile: { name, city }, tags: [firstTag] } = user;
`${id}:${name}:${city}:${firstTag}`;
