const once = (fn) => {
  let done = false;
  let result;
  return (...args) => {
    if (!done) {
      done = true;
      result = fn(...args);
    }
    return result;
  };
};
const init = once((x) => x * 100);
[init(1), init(2), init(3)];
