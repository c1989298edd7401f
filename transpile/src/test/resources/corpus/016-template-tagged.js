function highlight(strings, ...values) {
  return strings.reduce((out, str, i) => out + str + (i < values.length ? `[${values[i]}]` : ''), '');
}
const user = 'sam';
const n = 3;
highlight`User ${user} has ${n} new messages`;
