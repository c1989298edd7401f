// file: expr-eval/dist/bundle.js
exprEval.Parser.evaluate('2 * x + 1', {x: 3})
new exprEval.Parser().parse('x ^ 2 + y').evaluate({x: 3, y: 1})
exprEval.Parser.parse('sqrt(a) * max(b, 4)').evaluate({a: 16, b: 2})
exprEval.Parser.parse('x * (y + z)').simplify({y: 2, z: 3}).toString()
exprEval.Parser.parse('x + y * z').variables()
exprEval.Parser.evaluate('x > 2 ? "big" : "small"', {x: 3})
exprEval.Parser.evaluate('f(x) = x * 2; f(21)')
// toJSFunction compiles code with `with`, which the engine's stricter mode rejects
// differs: SyntaxError
exprEval.Parser.parse('2 ^ x').toJSFunction('x')(10)
exprEval.Parser.evaluate('sin(0) + cos(0) + log(1) + abs(-2)')
exprEval.Parser.evaluate('"abc" || "def"')
exprEval.Parser.evaluate('[1, 2] || [3]')
