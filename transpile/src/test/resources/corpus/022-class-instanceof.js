class Shape {}
class Circle extends Shape {
  constructor(r) {
    super();
    this.r = r;
  }
}
const c = new Circle(2);
[c instanceof Circle, c instanceof Shape, c instanceof Object, Object.getPrototypeOf(c) === Circle.prototype];
