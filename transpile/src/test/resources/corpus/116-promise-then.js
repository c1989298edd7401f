// needs: Promise
const delay = (value) => new Promise((resolve) => resolve(value));
const pending = delay(5).then((v) => v * 2);
pending instanceof Promise;
