// needs: Object.entries
const prices = { apple: 1.2, bread: 2.5, milk: 0.99 };
Object.entries(prices).map(([item, price]) => `${item}=${price}`).join('&');
