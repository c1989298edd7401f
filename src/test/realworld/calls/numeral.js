// file: numeral/numeral.js
numeral(1000).format('0,0')
numeral(1234.5678).format('0,0.00')
numeral(0.974878234).format('0.000%')
numeral(1024).format('0b')
numeral('1,234.56').value()
numeral(-1234).format('($0,0)')
numeral(1230974).format('0.0a')
numeral(100).format('0o')
// numeral's own reduce skips elements for which `k in array` is false, and the engine's `in` never sees array elements
// differs: 0
numeral(1).add(0.1).value()
numeral(25).format('00:00:00')
