const x = 'outer';
const result = [];
{
  const x = 'inner';
  result.push(x);
}
result.push(x);
result;
