const pad = (n) => (n < 10 ? `0${n}` : `${n}`);
const time = { h: 9, m: 5, s: 30 };
`${pad(time.h)}:${pad(time.m)}:${pad(time.s)}`;
