const field = 'email';
const prefix = 'user';
const record = {
  [field]: 'a@b.c',
  [`${prefix}Id`]: 17,
  [1 + 2]: 'three',
};
record;
