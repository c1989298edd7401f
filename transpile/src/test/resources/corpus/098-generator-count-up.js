function* countUp(limit) {
  for (let i = 1; i <= limit; i++) {
    yield i;
  }
}
[...countUp(4)];
