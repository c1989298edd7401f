const a = 5, b = 7;
`${a} + ${b} = ${a + b}, ${a > b ? 'a' : 'b'} is bigger`;
