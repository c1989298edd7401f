const pipe = (...steps) => (input) => steps.reduce((value, step) => step(value), input);
const normalize = pipe(
  (s) => s.trim(),
  (s) => s.toLowerCase(),
  (s) => s.replace(/\s+/g, ' '),
);
normalize('  Hello    THERE   World ');
