// needs: Promise
const load = async () => {
  const value = await Promise.resolve(41);
  return value + 1;
};
const result = load();
Object.prototype.toString.call(result);
