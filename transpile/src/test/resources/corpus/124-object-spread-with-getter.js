const base = { first: 'Grace', last: 'Hopper' };
const person = {
  ...base,
  get full() {
    return `${this.first} ${this.last}`;
  },
};
person.full;
