const counter = {
  count: 0,
  incrementAll(values) {
    values.forEach((v) => {
      this.count += v;
    });
    return this.count;
  },
};
counter.incrementAll([1, 2, 3]);
