class Vehicle {
  constructor(wheels) {
    this.wheels = wheels;
  }

  describe() {
    return `${this.constructor.name} with ${this.wheels} wheels`;
  }
}

class Bike extends Vehicle {
  constructor() {
    super(2);
    this.pedals = true;
  }
}
const bike = new Bike();
bike.describe();
