const order = { customer: { address: { city: 'Lyon' } }, items: [] };
[order.customer?.address?.city, order.shipping?.date, order.items?.[0]?.name, order.notify?.()];
