const callbacks = [];
for (let i = 0; i < 3; i++) {
  callbacks.push(() => i * 10);
}
callbacks.map((cb) => cb());
