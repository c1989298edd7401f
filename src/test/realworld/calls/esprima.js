// file: esprima/dist/esprima.js
esprima.parseScript('var answer = 6 * 7;')
esprima.tokenize('const a = 1')
esprima.parseScript('function f(a, b) { return a + b; }', {range: true}).body[0].range
esprima.parseModule('import x from "y"; export default x;').body.length
(function () { try { esprima.parseScript('var = ;'); return 'parsed'; } catch (e) { return e.description; } })()
esprima.parseScript('a => a * 2').body[0].expression.type
