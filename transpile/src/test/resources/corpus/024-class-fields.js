class Counter {
  count = 0;
  step = 1;

  increment() {
    this.count += this.step;
    return this;
  }
}
const counter = new Counter();
counter.increment().increment().increment();
counter.count;
