class Money {
  constructor(amount, currency) {
    this.amount = amount;
    this.currency = currency;
  }

  toString() {
    return `${this.amount.toFixed(2)} ${this.currency}`;
  }

  add(other) {
    return new Money(this.amount + other.amount, this.currency);
  }
}
String(new Money(5, 'EUR').add(new Money(2.5, 'EUR')));
