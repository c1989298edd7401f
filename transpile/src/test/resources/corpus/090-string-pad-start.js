// needs: String.prototype.padStart
const invoice = 42;
`INV-${String(invoice).padStart(6, '0')}`;
