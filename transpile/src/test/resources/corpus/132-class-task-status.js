class Task {
  constructor(title) {
    this.title = title;
    this.done = false;
    Task.created += 1;
  }

  complete() {
    this.done = true;
    return this;
  }

  get status() {
    return this.done ? `done: ${this.title}` : `todo: ${this.title}`;
  }
}
Task.created = 0;
const tasks = [new Task('write'), new Task('test').complete(), new Task('ship')];
[Task.created, tasks.map((t) => t.status)];
