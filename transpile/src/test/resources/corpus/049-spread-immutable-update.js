const state = { user: { name: 'Ann', prefs: { theme: 'light' } }, todos: [1, 2] };
const next = {
  ...state,
  user: { ...state.user, prefs: { ...state.user.prefs, theme: 'dark' } },
  todos: [...state.todos, 3],
};
[state.user.prefs.theme, next.user.prefs.theme, next.todos.length, state.todos.length];
