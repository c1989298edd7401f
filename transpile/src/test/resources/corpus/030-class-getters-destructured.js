class Circle {
  constructor(radius) {
    this.radius = radius;
  }

  get diameter() {
    return this.radius * 2;
  }

  get area() {
    return Math.round(Math.PI * this.radius ** 2 * 100) / 100;
  }
}
const { diameter, area } = new Circle(3);
({ diameter, area });
