const million = 1_000_000;
const mask = 0b1010;
const perms = 0o755;
[million, mask, perms, 0xff];
