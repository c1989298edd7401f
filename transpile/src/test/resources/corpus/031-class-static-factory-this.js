class Base {
  static create(...args) {
    return new this(...args);
  }
}

class Point extends Base {
  constructor(x, y) {
    super();
    this.x = x;
    this.y = y;
  }
}
const p = Point.create(1, 2);
[p instanceof Point, p.x, p.y];
