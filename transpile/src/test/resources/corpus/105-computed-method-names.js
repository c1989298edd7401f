const action = 'save';
const handlers = {
  [`on${action[0].toUpperCase()}${action.slice(1)}`]() {
    return `${action}d`;
  },
};
[Object.keys(handlers)[0], handlers.onSave()];
