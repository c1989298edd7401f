// A rule with a mistake: "total" is a string, so it does not map to a Price.
function price(order) {
  return { total: 'free', discount: 0, reasons: [] };
}
