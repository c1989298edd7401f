function formatName({ first, last, middle = '' }) {
  return [first, middle, last].filter(Boolean).join(' ');
}
[formatName({ first: 'Ada', last: 'Lovelace' }), formatName({ first: 'John', middle: 'Q', last: 'Public' })];
