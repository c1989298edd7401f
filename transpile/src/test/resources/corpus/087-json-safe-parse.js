const safeParse = (text, fallback = null) => {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
};
[safeParse('{"a":1}'), safeParse('not json'), safeParse('oops', {})];
