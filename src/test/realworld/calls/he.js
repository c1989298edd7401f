// file: he/he.js
// its astral-symbol regexp matches surrogate halves; the engine matches whole code points
// differs: "foo &#xA9; bar &#x2260; baz \ud834\udf06 qux"
he.encode('foo \u00a9 bar \u2260 baz \ud834\udf06 qux')
he.decode('foo &copy; bar &ne; baz &#x1D306; qux')
he.escape('<img src=\'x\'>&')
he.unescape('&lt;b&gt;&amp;&quot;')
he.encode('a<b\u00e9', {useNamedReferences: true})
he.decode('&amp;lt;')
he.encode('\u00e9x', {encodeEverything: true})
