// file: accounting/accounting.js
accounting.formatMoney(12345678)
accounting.formatMoney(4999.99, '\u20ac', 2, '.', ',')
accounting.formatNumber(5318008)
accounting.toFixed(0.615, 2)
accounting.unformat('\u00a3 12,345,678.90 GBP')
accounting.formatColumn([123.5, 3456.49, 777888.99, 12345678, -5432], '$ ')
