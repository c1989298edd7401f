class Animal {
  constructor(name) {
    this.name = name;
  }

  speak() {
    return `${this.name} makes a noise.`;
  }
}

class Dog extends Animal {
  speak() {
    return `${this.name} barks.`;
  }
}

class Puppy extends Dog {
  speak() {
    return `${super.speak()} (softly)`;
  }
}
[new Animal('Generic').speak(), new Dog('Rex').speak(), new Puppy('Bit').speak()];
