function* idMaker() {
  let id = 0;
  while (true) yield ++id;
}
const gen = idMaker();
[gen.next().value, gen.next().value, gen.next().value];
