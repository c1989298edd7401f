const reducer = (state, action) => {
  switch (action.type) {
    case 'add': {
      const items = [...state.items, action.item];
      return { ...state, items };
    }
    case 'clear':
      return { ...state, items: [] };
    default:
      return state;
  }
};
const actions = [{ type: 'add', item: 'a' }, { type: 'add', item: 'b' }, { type: 'noop' }];
actions.reduce(reducer, { items: [], owner: 'me' });
