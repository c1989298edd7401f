const flatten = (arr) =>
  arr.reduce((flat, item) => (Array.isArray(item) ? [...flat, ...flatten(item)] : [...flat, item]), []);
flatten([1, [2, [3, [4, [5]]]], 6]);
