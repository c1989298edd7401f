function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return this.name + ' makes a sound'; };
function Dog(name) { Animal.call(this, name); }
Dog.prototype = Object.create(Animal.prototype);
Dog.prototype.constructor = Dog;
Dog.prototype.speak = function () { return this.name + ' barks'; };
var d = new Dog('Rex');
var o = {};
Object.defineProperty(o, 'computed', {get: function () { return 6 * 7; }});
[d.speak(), d instanceof Animal, Object.getPrototypeOf(d) === Dog.prototype, o.computed, Object.keys(d).join()].join(' / ');
