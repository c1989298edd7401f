// needs: Promise
async function fetchUser(id) {
  return { id, name: `user${id}` };
}
const p = fetchUser(1);
typeof p.then;
