let count = 0;
for (let i = 0; i < 5; i++) {
  let doubled = i * 2;
  count += doubled;
}
count;
