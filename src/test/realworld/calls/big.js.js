// file: big.js/big.js
new Big('0.1').plus('0.2').toString()
new Big(1).div(3).toString()
new Big('123.456').round(1).toString()
new Big(2).pow(64).toFixed()
new Big('-0.000012').toExponential(3)
new Big('10').sqrt().toPrecision(10)
new Big(5).cmp(3)
new Big('1.005').times(1000).toNumber()
