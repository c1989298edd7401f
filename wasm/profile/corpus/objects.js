// Constructors, prototypes, property reads and writes, getters, for-in, closures over state.
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.add = function (o) { return new Point(this.x + o.x, this.y + o.y); };
Point.prototype.norm2 = function () { return this.x * this.x + this.y * this.y; };
var p = new Point(0, 0);
for (var i = 0; i < 20000; i++) p = p.add(new Point(i % 7, -(i % 3)));
var registry = {};
for (i = 0; i < 3000; i++) registry['key' + (i % 500)] = (registry['key' + (i % 500)] || 0) + i;
var keys = 0, sum = 0;
for (var k in registry) { keys++; sum += registry[k]; }
var account = {
  _balance: 0,
  get balance() { return this._balance; },
  set balance(v) { this._balance = v < 0 ? 0 : v; }
};
for (i = 0; i < 10000; i++) account.balance = account.balance + (i % 2 ? 3 : -1);
function makeCounter() { var c = 0; return { inc: function () { return ++c; }, get: function () { return c; } }; }
var counters = [];
for (i = 0; i < 200; i++) counters.push(makeCounter());
for (i = 0; i < 20000; i++) counters[i % 200].inc();
var inherit = Object.create(p);
inherit.z = 3;
[p.norm2(), keys, sum, account.balance, counters[7].get(), 'x' in inherit, inherit.hasOwnProperty('x'),
 typeof inherit.add, Object.keys(registry).length].join(' ');
