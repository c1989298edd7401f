class IdGenerator {
  static next = 1;

  static create() {
    return IdGenerator.next++;
  }
}
[IdGenerator.create(), IdGenerator.create(), IdGenerator.next];
