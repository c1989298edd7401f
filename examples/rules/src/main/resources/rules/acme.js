// Acme: gold customers get 10 % off, loyal ones (5+ years) another 5 %; VAT on top.
function price(order) {
  var customer = lookup(order.customerId);
  if (customer === null) throw new Error('unknown customer ' + order.customerId);
  var subtotal = 0;
  order.lines.forEach(function (line) { subtotal += line.quantity * line.unitPrice; });
  var rate = 0, reasons = [];
  if (customer.tier === 'GOLD') { rate += 0.10; reasons.push('gold'); }
  if (customer.yearsAsCustomer >= 5) { rate += 0.05; reasons.push('loyal'); }
  var discount = Math.round(subtotal * rate * 100) / 100;
  var vat = vatRate(customer.country);
  if (vat === null) throw new Error('we do not sell to ' + customer.country);
  var total = Math.round((subtotal - discount) * (1 + vat) * 100) / 100;
  return { total: total, discount: discount, reasons: reasons };
}
