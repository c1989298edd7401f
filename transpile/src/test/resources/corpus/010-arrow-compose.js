const compose = (...fns) => (x) => fns.reduceRight((acc, fn) => fn(acc), x);
const inc = (n) => n + 1;
const dbl = (n) => n * 2;
compose(inc, dbl)(5);
