let calls = 0;
const nextId = () => ++calls;
function createItem(label, id = nextId()) {
  return { id, label };
}
[createItem('a'), createItem('b', 42), createItem('c')];
