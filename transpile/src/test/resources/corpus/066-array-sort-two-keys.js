const employees = [
  { name: 'Eve', dept: 'eng', salary: 120 },
  { name: 'Bob', dept: 'ops', salary: 90 },
  { name: 'Al', dept: 'eng', salary: 100 },
  { name: 'Cy', dept: 'ops', salary: 95 },
];
employees
  .slice()
  .sort((a, b) => (a.dept < b.dept ? -1 : a.dept > b.dept ? 1 : b.salary - a.salary))
  .map((e) => e.name);
