class Temperature {
  constructor(celsius) {
    this._celsius = celsius;
  }

  get fahrenheit() {
    return this._celsius * 9 / 5 + 32;
  }

  set fahrenheit(value) {
    this._celsius = (value - 32) * 5 / 9;
  }
}
const t = new Temperature(25);
const before = t.fahrenheit;
t.fahrenheit = 212;
[before, t._celsius];
