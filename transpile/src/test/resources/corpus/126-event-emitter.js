class EventEmitter {
  constructor() {
    this.listeners = {};
  }

  on(event, fn) {
    (this.listeners[event] ||= []).push(fn);
    return () => this.off(event, fn);
  }

  off(event, fn) {
    this.listeners[event] = (this.listeners[event] || []).filter((l) => l !== fn);
  }

  emit(event, ...args) {
    return (this.listeners[event] || []).map((fn) => fn(...args));
  }
}
const bus = new EventEmitter();
const unsubscribe = bus.on('sum', (a, b) => a + b);
bus.on('sum', (a, b) => a * b);
const first = bus.emit('sum', 3, 4);
unsubscribe();
[first, bus.emit('sum', 3, 4)];
