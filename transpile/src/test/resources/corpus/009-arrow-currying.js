const multiply = (a) => (b) => (c) => a * b * c;
multiply(2)(3)(4);
