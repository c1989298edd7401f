function tag(label, ...values) {
  return `${label}: ${values.length} values (${values.join('/')})`;
}
tag('data', 3, 1, 4, 1, 5);
