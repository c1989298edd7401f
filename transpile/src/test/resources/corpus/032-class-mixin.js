const Serializable = (Base) => class extends Base {
  serialize() {
    return JSON.stringify(this);
  }
};

class Person {
  constructor(name) {
    this.name = name;
  }
}

class Employee extends Serializable(Person) {
  constructor(name, role) {
    super(name);
    this.role = role;
  }
}
new Employee('Kim', 'dev').serialize();
