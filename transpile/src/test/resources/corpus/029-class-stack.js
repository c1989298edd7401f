class Stack {
  constructor() {
    this.items = [];
  }

  push(item) {
    this.items.push(item);
  }

  pop() {
    return this.items.pop();
  }

  peek() {
    return this.items[this.items.length - 1];
  }

  get size() {
    return this.items.length;
  }

  isEmpty() {
    return this.size === 0;
  }
}
const stack = new Stack();
stack.push(1);
stack.push(2);
stack.push(3);
const top = stack.pop();
[top, stack.peek(), stack.size, stack.isEmpty()];
