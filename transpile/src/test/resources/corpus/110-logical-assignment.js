const opts = { a: null, b: 0, c: 'set' };
opts.a ??= 'filled';
opts.b ||= 10;
opts.c &&= opts.c.toUpperCase();
opts;
