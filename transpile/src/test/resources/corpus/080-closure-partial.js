const partial = (fn, ...preset) => (...later) => fn(...preset, ...later);
const volume = (l, w, h) => l * w * h;
const baseTen = partial(volume, 10);
[baseTen(2, 3), partial(volume, 1, 2)(3)];
