class Range {
  constructor(start, end) {
    this.start = start;
    this.end = end;
  }

  [Symbol.iterator]() {
    let current = this.start;
    const end = this.end;
    return {
      next: () => (current <= end ? { value: current++, done: false } : { value: undefined, done: true }),
    };
  }
}
[...new Range(3, 6)];
