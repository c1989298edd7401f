const calculator = {
  total: 0,
  add(n) {
    this.total += n;
    return this;
  },
  multiply(n) {
    this.total *= n;
    return this;
  },
};
calculator.add(5).multiply(3).add(1).total;
