const bank = (() => {
  let balance = 100;
  const log = [];
  return {
    deposit(amount) {
      balance += amount;
      log.push(`+${amount}`);
    },
    withdraw(amount) {
      if (amount > balance) throw new Error('Insufficient funds');
      balance -= amount;
      log.push(`-${amount}`);
    },
    get balance() {
      return balance;
    },
    history: () => log.slice(),
  };
})();
bank.deposit(50);
bank.withdraw(30);
[bank.balance, bank.history()];
